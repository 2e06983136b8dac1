// The events map: country borders from world-atlas (no tile server), one circle per located
// event sized by fatalities and coloured by event type, clustered when there are many.
// Data is put into the page with textContent only: article-derived strings are never HTML.
(function () {
  "use strict";
  var CLUSTER_ABOVE = 300;
  var element = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!element || typeof L === "undefined") { return; }
  var colours = JSON.parse(document.getElementById("type-colours").textContent);
  var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 });
  map.setView([25, 20], 2);
  map.attributionControl.addAttribution("Borders: Natural Earth via world-atlas");

  function radius(fatalities) {
    return 4 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0));
  }

  function popup(props) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(props.id);
    link.textContent = props.sub_event_type;
    box.appendChild(link);
    var line = document.createElement("div");
    line.textContent = (props.event_date || "undated") + " · " + (props.location || "") +
      (props.fatalities != null ? " · " + props.fatalities + " killed" : "");
    box.appendChild(line);
    return box;
  }

  function drawBorders() {
    return fetch(element.dataset.borders).then(function (r) { return r.json(); }).then(function (topo) {
      var countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#9a9488", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }
      }).addTo(map);
    }).catch(function () { /* the markers still show without borders */ });
  }

  var eventsLayer = null;
  var truncated = false;

  function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }

  function viewBox() {
    // the visible box as the API's bbox (west,south,east,north); none when the whole world shows
    var b = map.getBounds();
    if (b.getEast() - b.getWest() >= 360) { return null; }
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
            clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map(function (n) {
      return n.toFixed(4);
    }).join(",");
  }

  function drawEvents(box, fit) {
    var url = element.dataset.source + (box ? (element.dataset.source.indexOf("?") < 0 ? "?" : "&") + "bbox=" + box : "");
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      var features = data.features || [];
      var layer = features.length > CLUSTER_ABOVE
        ? L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false })
        : L.featureGroup();
      features.forEach(function (f) {
        var p = f.properties;
        var colour = colours[p.event_type] || "#444";
        var marker = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          radius: radius(p.fatalities), color: colour, weight: 1, fillColor: colour, fillOpacity: 0.65,
          className: "khabar-marker"
        });
        marker.bindPopup(function () { return popup(p); });
        layer.addLayer(marker);
      });
      if (eventsLayer) { map.removeLayer(eventsLayer); }
      eventsLayer = layer.addTo(map);
      if (fit && features.length) {
        map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 7 });
      }
      truncated = Boolean(data.truncated) || Boolean(box);
      element.dataset.markers = String(features.length);
      element.dataset.clustered = String(features.length > CLUSTER_ABOVE);
      status.textContent = features.length + " event locations on the map" + (box ? " in this view" : "") +
        (data.truncated ? " (the " + features.length + " most recent of " + data.total +
          (data.total_exact ? "" : "+") + ": narrow the filters or zoom in)" : "");
    });
  }

  // A capped answer holds only the newest events: when the view moves, ask for the events in it.
  var pending = null;
  map.on("moveend", function () {
    if (!truncated || element.dataset.ready !== "true") { return; }
    clearTimeout(pending);
    pending = setTimeout(function () { drawEvents(viewBox(), false); }, 300);
  });

  drawBorders().then(function () {
    return drawEvents(null, true);
  }).then(function () {
    element.dataset.ready = "true";
  }).catch(function (error) {
    status.textContent = "The map could not load: " + error;
    element.dataset.ready = "error";
  });
})();
