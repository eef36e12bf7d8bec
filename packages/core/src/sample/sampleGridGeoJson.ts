// The sample org's eight grids as GeoJSON (written once by a script; examples/portal/sample-grids.json
// is the same data as a file, and a test keeps the two equal).

/**
 * The sample org's grids (`qj-sj-c1-g1` … `qj-th-c2-g2`) as a GeoJSON FeatureCollection
 * (WGS84, RFC 7946): synthetic but plausible polygons over 三江街道 and 通惠街道 in Qijiang
 * District, Chongqing; each feature's `properties.gridId` is the grid's id in `sampleOrg`, with
 * its name in zh-CN (`name`) and English (`nameEn`). `zz-grid-map` draws it.
 *
 * @example
 * ```ts
 * import { sampleGridGeoJson } from '@zhizhi/core/sample';
 * sampleGridGeoJson.features.map((f) => f.properties.gridId); // ['qj-sj-c1-g1', …]
 * ```
 */
export const sampleGridGeoJson = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-sj-c1-g1',
        name: '三江社区第1网格',
        nameEn: 'Sanjiang Community grid 1',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.628, 28.962],
            [106.635, 28.9635],
            [106.642, 28.962],
            [106.642, 28.95],
            [106.6343, 28.95],
            [106.628, 28.95],
            [106.628, 28.962],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-sj-c1-g2',
        name: '三江社区第2网格',
        nameEn: 'Sanjiang Community grid 2',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.642, 28.962],
            [106.649, 28.961],
            [106.656, 28.962],
            [106.656, 28.95],
            [106.6483, 28.95],
            [106.642, 28.95],
            [106.642, 28.962],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-sj-c2-g1',
        name: '新民村第1网格',
        nameEn: 'Xinmin Village grid 1',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.628, 28.95],
            [106.635, 28.9515],
            [106.642, 28.95],
            [106.642, 28.938],
            [106.6343, 28.9368],
            [106.628, 28.938],
            [106.628, 28.95],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-sj-c2-g2',
        name: '新民村第2网格',
        nameEn: 'Xinmin Village grid 2',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.642, 28.95],
            [106.649, 28.949],
            [106.656, 28.95],
            [106.656, 28.938],
            [106.6483, 28.9368],
            [106.642, 28.938],
            [106.642, 28.95],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-th-c1-g1',
        name: '通惠社区第1网格',
        nameEn: 'Tonghui Community grid 1',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.646, 29.024],
            [106.653, 29.0255],
            [106.66, 29.024],
            [106.66, 29.012],
            [106.6523, 29.012],
            [106.646, 29.012],
            [106.646, 29.024],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-th-c1-g2',
        name: '通惠社区第2网格',
        nameEn: 'Tonghui Community grid 2',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.66, 29.024],
            [106.667, 29.023],
            [106.674, 29.024],
            [106.674, 29.012],
            [106.6663, 29.012],
            [106.66, 29.012],
            [106.66, 29.024],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-th-c2-g1',
        name: '石佛岗社区第1网格',
        nameEn: 'Shifogang Community grid 1',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.646, 29.012],
            [106.653, 29.0135],
            [106.66, 29.012],
            [106.66, 29],
            [106.6523, 28.9988],
            [106.646, 29],
            [106.646, 29.012],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: {
        gridId: 'qj-th-c2-g2',
        name: '石佛岗社区第2网格',
        nameEn: 'Shifogang Community grid 2',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.66, 29.012],
            [106.667, 29.011],
            [106.674, 29.012],
            [106.674, 29],
            [106.6663, 28.9988],
            [106.66, 29],
            [106.66, 29.012],
          ],
        ],
      },
    },
  ],
} as const;
