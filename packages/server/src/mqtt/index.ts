export { isMqttSegment } from './isMqttSegment.js';
export {
  type MqttIngestion,
  type MqttIngestionOptions,
  type MqttIngestionStats,
  type MqttReason,
  startMqttIngestion,
} from './startMqttIngestion.js';
