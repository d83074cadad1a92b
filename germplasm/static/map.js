// The collecting site on a Leaflet map. Tiles only when the site configures a tile URL;
// without them the position still shows on a plain background with a coordinate grid.
(function () {
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  var lat = Number(el.dataset.lat), lon = Number(el.dataset.lon);
  var map = L.map(el, { attributionControl: !!el.dataset.tiles }).setView([lat, lon], el.dataset.tiles ? 8 : 4);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map);
  } else {
    for (var g = -180; g <= 180; g += 10) L.polyline([[-85, g], [85, g]], { color: "#ccc", weight: 1 }).addTo(map);
    for (var t = -80; t <= 80; t += 10) L.polyline([[t, -180], [t, 180]], { color: "#ccc", weight: 1 }).addTo(map);
  }
  L.circleMarker([lat, lon], { radius: 8, color: "#6b2d5c", fillOpacity: 0.8 }).addTo(map)
    .bindTooltip(lat + ", " + lon);
})();
