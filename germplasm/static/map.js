// Maps on Leaflet: the accession page's collecting site (#map) and a search result's
// collecting sites (#results-map). Both draw on the vendored Natural Earth outlines (countries
// and China's provinces), with the site's tiles on top when GERMPLASM_MAP_TILES is set.
(function () {
  if (typeof L === "undefined") return;
  var LAND = { color: "#8a8f98", weight: 0.8, fillColor: "#fbfaf4", fillOpacity: 1 };
  var PROVINCES = { color: "#b9a7b3", weight: 0.7, dashArray: "3 3" };
  var SITE = { radius: 6, color: "#6b2d5c", weight: 1, fillColor: "#a3457f", fillOpacity: 0.75 };

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function outlines(map, el) {
    map.createPane("outlines").style.zIndex = 150;  // under the tiles (200) and the sites (400)
    var countries = getJSON(el.dataset.countries).then(function (topology) {
      var world = topojson.feature(topology, topology.objects.countries);
      L.geoJSON(world, { pane: "outlines", style: LAND, interactive: false }).addTo(map);
    });
    var provinces = getJSON(el.dataset.provinces).then(function (lines) {
      L.geoJSON(lines, { pane: "outlines", style: PROVINCES, interactive: false }).addTo(map);
    });
    return Promise.all([countries, provinces]);
  }

  function baseMap(el) {
    var tiles = el.dataset.tiles;
    var map = L.map(el, { attributionControl: !!tiles, worldCopyJump: true, minZoom: 2 });
    el.style.background = "#dfe9f0";  // the sea, where no tiles cover it
    if (tiles) L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);  // covers the outlines where it loads
    var drawn = typeof topojson === "undefined" ? Promise.resolve() : outlines(map, el);
    drawn.then(function () {
      el.dataset.drawn = "1";  // for tests and for anyone who waits on the map
    }, function () { el.dataset.drawn = "failed"; });
    return map;
  }

  function site(map, point) {
    var marker = L.circleMarker([point.lat, point.lon], SITE).addTo(map);
    marker.bindTooltip(point.label || point.lat + ", " + point.lon);
    return marker;
  }

  function accessionMap(el) {
    var lat = Number(el.dataset.lat), lon = Number(el.dataset.lon);
    var map = baseMap(el).setView([lat, lon], el.dataset.tiles ? 8 : 5);
    site(map, { lat: lat, lon: lon });
  }

  function resultsMap(el) {
    var map = baseMap(el).setView([30, 105], 3);
    getJSON(el.dataset.points).then(function (data) {
      var bounds = [];
      data.items.forEach(function (point) {
        point.label = point.accenumb + " " + point.name;
        site(map, point).on("click", function () { window.location = point.url; });
        bounds.push([point.lat, point.lon]);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false });
      el.dataset.sites = String(bounds.length);
    });
  }

  var one = document.getElementById("map");
  if (one) accessionMap(one);
  var many = document.getElementById("results-map");
  if (many) resultsMap(many);
})();
