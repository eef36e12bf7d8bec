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
/**
 * A level-1 electrical-fire leakage reading (the electrical-fire scenario's trigger) from a
 * device at the elderly-care center of grid qj-sj-c1-g1 of the sample org, timed now.
 */
export declare function leakageReading(
  deviceId: string,
  address?: string,
): {
  deviceId: string;
  seq: number;
  deviceTime: number;
  type: 'leakage';
  value: number;
  level: 1;
  townId: string;
  gridId: string;
  location: { lat: number; lng: number; address: string };
};
