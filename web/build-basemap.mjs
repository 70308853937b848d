// Builds the dashboard's offline basemap from the npm package world-atlas
// (Natural Earth 1:110m countries, public domain; package ISC licence).
// Output: crates/dyad-server/assets/world.json — one SVG path per country in an
// equirectangular projection of a 1000×500 box (x = lon, y = -lat), so the
// browser needs no projection library and no tile server.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const countries = feature(topo, topo.objects.countries).features;

const W = 1000, H = 500;
const px = (lon) => ((lon + 180) / 360) * W;
const py = (lat) => ((90 - lat) / 180) * H;
const r = (v) => Math.round(v * 10) / 10;

function ringPath(ring) {
  let d = "", prevLon = null;
  ring.forEach(([lon, lat], i) => {
    // A ring crossing the antimeridian would draw a line across the map: start a new subpath.
    const jump = prevLon !== null && Math.abs(lon - prevLon) > 180;
    d += (i === 0 || jump ? "M" : "L") + r(px(lon)) + "," + r(py(lat));
    prevLon = lon;
  });
  return d + "Z";
}

const out = countries.map((f) => {
  const g = f.geometry;
  const polys = g ? (g.type === "Polygon" ? [g.coordinates] : g.coordinates) : [];
  return { id: f.id ?? null, name: f.properties.name, d: polys.map((p) => p.map(ringPath).join("")).join("") };
});
writeFileSync(new URL("../crates/dyad-server/assets/world.json", import.meta.url),
  JSON.stringify({ width: W, height: H, source: "world-atlas 2.0.2 (Natural Earth 1:110m)", countries: out }));
console.log(`wrote ${out.length} countries`);
