/* claimmap: draw one group of places from the data the dashboard sends (dashboard/placelayer.py).
 *
 * The page sends each group as JSON (shapes, escaped tooltip and popup HTML, styles) and this
 * function builds the Leaflet layers, so a slider move costs the server one json.dumps instead
 * of one folium object (and template) per place. Loaded once with the map's other scripts.
 */
var POPUP_MAX_HEIGHT = 360;

/* A settlement's marker is a disc sized by its claims in the window, with the count on it;
 * a cluster's disc counts its places' claims (not its markers). */
function countIcon(count, precision) {
  var size = Math.round(22 + 8 * Math.log10(Math.max(count, 1)));
  return L.divIcon({html: "<span>" + count + "</span>", iconSize: [size, size],
                    className: "claimmap-count claimmap-" + precision});
}

function clusterIcon(cluster) {
  var claims = cluster.getAllChildMarkers().reduce(function (sum, marker) {
    return sum + (marker.options.claims || 0);
  }, 0);
  var icon = countIcon(claims, "cluster");
  cluster.on && cluster.once("add", function () {
    label(cluster._icon, cluster.getChildCount() + " places", claims);
  });
  return icon;
}

/* A screen reader's name for a marker: the place (plain text, as an attribute) and count. */
function label(element, name, count) {
  if (element) {
    element.setAttribute("aria-label", name + ", " + count + (count === 1 ? " claim" : " claims"));
    element.setAttribute("data-name", name);
    element.setAttribute("role", "button");
  }
}

/* A popup taller than the map made Leaflet's auto-pan push its own marker out of view,
 * where the cluster group unloads it (closing the popup and leaving the map without the
 * marker). So a popup is never taller than the map minus room for its tip and the padding,
 * and scrolls instead (Leaflet's maxHeight). */
function fitPopup(layer) {
  var map = layer._map || window.map;
  if (map && layer.getPopup()) {
    layer.getPopup().options.maxHeight = Math.max(
      120, Math.min(POPUP_MAX_HEIGHT, map.getSize().y - 120));
  }
}

window.claimmapPlaces = function (group, data) {
  var target = group;
  if (data.cluster) {
    target = L.markerClusterGroup(Object.assign({iconCreateFunction: clusterIcon}, data.cluster));
    group.addLayer(target);
  }
  var layers = data.places.map(function (place) {
    var style = data.styles[place.style] || {};
    var layer;
    if (place.kind === "marker" && place.style) {
      /* a styled settlement (a disputed place): a circle marker, red in the legend */
      layer = L.circleMarker(place.locations, style);
    } else if (place.kind === "marker") {
      layer = L.marker(place.locations, {icon: countIcon(place.count, "settlement"),
                                         claims: place.count, title: place.name});
      layer.on("add", function () { label(layer._icon, place.name, place.count); });
    } else if (place.kind === "circle") {
      layer = L.circle(place.locations, Object.assign({radius: place.radius}, style));
    } else {
      layer = L.polygon(place.locations, style);
    }
    layer.claimmapId = place.id;
    /* An element, not a string: streamlit-folium reads the clicked popup's innerText. Its
     * HTML is parsed when the popup is first asked for, not for every place while the map is
     * first drawn. "click" and "keypress" (Enter) are bound before bindPopup, so they run
     * before Leaflet opens the popup: it is sized and the map panned with the content in
     * place, and streamlit-folium (whose click handler comes last) reads the filled text. */
    var content = document.createElement("div");
    var fill = function () {
      if (!content.hasChildNodes()) {
        content.innerHTML = place.popup;
      }
      fitPopup(layer);
    };
    layer.on("click keypress", fill);
    layer.claimmapFill = fill;
    /* The top-left padding keeps an opened popup clear of the zoom control (10 px from the
     * map's edge, 34 px wide), which is drawn above popups. */
    layer.bindPopup(content, {maxWidth: 460, autoPanPaddingTopLeft: [54, 10],
                              maxHeight: POPUP_MAX_HEIGHT});
    layer.bindTooltip(place.tooltip, {sticky: true});
    return layer;
  });
  if (target.addLayers) {
    target.addLayers(layers);
  } else {
    layers.forEach(function (layer) { target.addLayer(layer); });
  }
  var focus = layers.filter(function (layer) { return layer.claimmapId === data.focus; })[0];
  if (focus) {
    setTimeout(function () { openFocus(target, focus); }, 0);  /* once the group is on the map */
  }
};

/* The selected place (a place= link, a feed entry, a click): bring it into view, open its
 * popup. Its popup is re-opened after each redraw of the groups, so it stays open. */
function openFocus(target, layer) {
  var map = window.map;
  if (map && !map.claimmapOnePopup) {  /* whatever opens a popup, it is the only one */
    map.claimmapOnePopup = true;
    map.on("popupopen", function (event) {
      map.eachLayer(function (other) {
        if (other instanceof L.Popup && other !== event.popup) { map.removeLayer(other); }
      });
    });
  }
  var open = function () {
    /* a popup of the groups just replaced may still be on the map: one popup at a time */
    map && map.eachLayer(function (other) {
      if (other instanceof L.Popup) { map.removeLayer(other); }
    });
    layer.claimmapFill();
    layer.openPopup();
  };
  if (target.zoomToShowLayer) {
    target.zoomToShowLayer(layer, open);
    return;
  }
  if (map && layer.getBounds && !map.getBounds().contains(layer.getBounds().getCenter())) {
    map.fitBounds(layer.getBounds(), {maxZoom: 9});
  }
  open();
}
