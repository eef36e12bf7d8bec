export {
  createSensorSimulator,
  type SensorSimulator,
  type SensorSimulatorOptions,
} from './sensorSimulator.js';
export { type ServedFolder, serveFolder } from './serveFolder.js';
export {
  StartError,
  type StartedServer,
  type StartServerOptions,
  startServer,
} from './startServer.js';
