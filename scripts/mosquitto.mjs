// The MQTT tests' shared helpers: whether the Mosquitto broker answers, and a sample reading.
// The caller passes its own `mqtt` module (a root script cannot resolve a package's dependencies).

/** Where the tests find Mosquitto (anonymous on the developers' and CI machines). */
export const MQTT_URL = process.env.ZHIZHI_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/**
 * Connects once to {@link MQTT_URL}. Unreachable: a loud warning naming what is skipped, and
 * `false`, unless `ZHIZHI_REQUIRE_SERVICES=1` (CI), where it throws so that the run fails.
 */
export async function mosquittoAvailable(mqtt, file, skipping = file) {
  const probe = mqtt.connect(MQTT_URL, { connectTimeout: 3000, reconnectPeriod: 0 });
  const ok = await new Promise((resolve) => {
    probe.once('connect', () => resolve(true));
    probe.once('error', () => resolve(false));
    probe.once('close', () => resolve(false));
  });
  await probe.endAsync(true);
  if (ok) return true;
  const msg = `Mosquitto is not reachable at ${MQTT_URL}`;
  if (process.env.ZHIZHI_REQUIRE_SERVICES === '1')
    throw new Error(`${msg} and ZHIZHI_REQUIRE_SERVICES=1: failing ${file}`);
  console.warn(
    `\n⚠️  ${msg}: SKIPPING ${skipping}.\n   Start it: mosquitto -d -c /etc/mosquitto/mosquitto.conf\n`,
  );
  return false;
}

/**
 * A level-1 electrical-fire leakage reading (the electrical-fire scenario's trigger) from a
 * device at the elderly-care center of grid qj-sj-c1-g1 of the sample org, timed now.
 */
export function leakageReading(deviceId, address = '三江社区养老服务中心配电箱') {
  return {
    deviceId,
    seq: 1,
    deviceTime: Date.now(),
    type: 'leakage',
    value: 512,
    level: 1,
    townId: 'qj-sj',
    gridId: 'qj-sj-c1-g1',
    location: { lat: 29.03, lng: 106.65, address },
  };
}
