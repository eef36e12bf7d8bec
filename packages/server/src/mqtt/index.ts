export {
  type MqttIngestion,
  type MqttIngestionOptions,
  type MqttIngestionStats,
  type MqttReason,
  startMqttIngestion,
} from './startMqttIngestion.js';
