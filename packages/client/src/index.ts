// @zhizhi/client — the core Client contract over a zhizhi server's HTTP API.
export {
  type ClientErrorCode,
  clientError,
  HttpClient,
  HttpClientError,
  type HttpClientOptions,
  type HttpSubscribeOptions,
} from './HttpClient.js';
export {
  createSseParser,
  type EventStream,
  type ReadEventStreamOptions,
  readEventStream,
  type SseEvent,
  SseHttpError,
} from './readEventStream.js';
