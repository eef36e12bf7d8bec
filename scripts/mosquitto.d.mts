import type mqttModule from 'mqtt';
/** Where the tests find Mosquitto (`ZHIZHI_MQTT_URL`, default mqtt://127.0.0.1:1883). */
export declare const MQTT_URL: string;
/**
 * Whether Mosquitto answers; unreachable: a warning and `false`, or a throw under
 * `ZHIZHI_REQUIRE_SERVICES=1`. `mqtt` is the caller's own `mqtt` module.
 */
export declare function mosquittoAvailable(
  mqtt: typeof mqttModule,
  file: string,
  skipping?: string,
): Promise<boolean>;
