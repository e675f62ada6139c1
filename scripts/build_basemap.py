"""Build src/khabar/api/static/world.json: country outlines for the web page's map.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as packaged in
TopoJSON by the npm package world-atlas (ISC licence; see
src/khabar/api/static/NOTICE-basemap.txt). This script runs once, at build time, on the file
`countries-110m.json` of that package; the runtime only serves the SVG paths it writes, so the
page needs no map server and makes no request outside the khabar server.

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-110m.json [--out PATH]

Paths are in the map's own coordinates: x = longitude, y = -latitude (degrees, 0.1 precision).
A ring that crosses the antimeridian (Fiji, Chukotka) is cut there instead of drawn across.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "khabar" / "api" / "static" / "world.json"
SOURCE = "Natural Earth 1:110m countries (public domain), via world-atlas 2 (ISC)"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs' absolute coordinates (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    """A ring's points from its arc indexes (a negative index ~i is arc i reversed)."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points: list[tuple[float, float]]) -> str:
    parts: list[str] = []
    previous = None
    for lon, lat in points:
        jump = previous is None or abs(lon - previous) > 180
        parts.append(("M" if jump else "L") + f"{lon:.1f} {-lat:.1f}")
        previous = lon
    return "".join(parts) + "Z"


def country_paths(topology: dict) -> list[dict[str, str]]:
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = (
            [geometry["arcs"]]
            if kind == "Polygon"
            else geometry.get("arcs", [])
            if kind == "MultiPolygon"
            else []
        )
        path = "".join(
            ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon
        )
        if path:
            name = geometry.get("properties", {}).get("name", "")
            out.append({"id": str(geometry.get("id", "")), "name": name, "d": path})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json of world-atlas 2")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    countries = country_paths(topology)
    args.out.write_text(
        json.dumps(
            {"source": SOURCE, "countries": countries}, ensure_ascii=False, separators=(",", ":")
        ),
        encoding="utf-8",
    )
    print(f"{len(countries)} countries -> {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
