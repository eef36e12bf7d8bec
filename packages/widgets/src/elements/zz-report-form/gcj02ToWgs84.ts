const A = 6378245.0;
const EE = 0.006693421622965943;

function offset(lat: number, lng: number): { dLat: number; dLng: number } {
  const x = lng - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat +=
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLng +=
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return {
    dLat: (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
    dLng: (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}

const outsideChina = (lat: number, lng: number) =>
  lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

/**
 * WGS84 → GCJ-02 (the offset every map published in mainland China uses); identity outside
 * China.
 *
 * @example
 * ```ts
 * import { wgs84ToGcj02 } from '@zhizhi/widgets';
 * wgs84ToGcj02({ lat: 29.0, lng: 106.65 }); // about 0.003° north-east of the input
 * ```
 */
export function wgs84ToGcj02(p: { lat: number; lng: number }): { lat: number; lng: number } {
  if (outsideChina(p.lat, p.lng)) return { lat: p.lat, lng: p.lng };
  const d = offset(p.lat, p.lng);
  return { lat: p.lat + d.dLat, lng: p.lng + d.dLng };
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration of {@link wgs84ToGcj02} (to well under a metre),
 * so that a position read off a Chinese map is stored in the same system as GPS positions.
 *
 * @example
 * ```ts
 * import { gcj02ToWgs84, wgs84ToGcj02 } from '@zhizhi/widgets';
 * const gps = { lat: 29.0, lng: 106.65 };
 * gcj02ToWgs84(wgs84ToGcj02(gps)); // ≈ gps (within 1e-7°)
 * ```
 */
export function gcj02ToWgs84(p: { lat: number; lng: number }): { lat: number; lng: number } {
  if (outsideChina(p.lat, p.lng)) return { lat: p.lat, lng: p.lng };
  let lat = p.lat;
  let lng = p.lng;
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02({ lat, lng });
    const dLat = g.lat - p.lat;
    const dLng = g.lng - p.lng;
    lat -= dLat;
    lng -= dLng;
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return { lat, lng };
}
