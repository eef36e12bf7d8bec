// Whether the Mosquitto broker the tests use answers: one probe for every package's MQTT tests.
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
