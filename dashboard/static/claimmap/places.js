/* claimmap: draw one group of places from the data the dashboard sends (dashboard/placelayer.py).
 *
 * The page sends each group as JSON (shapes, escaped tooltip and popup HTML, styles) and this
 * function builds the Leaflet layers, so a slider move costs the server one json.dumps instead
 * of one folium object (and template) per place. Loaded once with the map's other scripts.
 */
window.claimmapPlaces = function (group, data) {
  var target = group;
  if (data.cluster) {
    target = L.markerClusterGroup(data.cluster);
    group.addLayer(target);
  }
  var layers = data.places.map(function (place) {
    var style = data.styles[place.style] || {};
    var layer;
    if (place.kind === "marker") {
      layer = L.marker(place.locations, {alt: place.name});
    } else if (place.kind === "circle") {
      layer = L.circle(place.locations, Object.assign({radius: place.radius}, style));
    } else {
      layer = L.polygon(place.locations, style);
    }
    /* An element, not a string: streamlit-folium reads the clicked popup's innerText. Its
     * HTML is parsed when the popup first opens ("popupopen" fires before streamlit-folium's
     * click handler reads it), not for every place while the map is first drawn. */
    var content = document.createElement("div");
    layer.bindPopup(content, {maxWidth: 460});
    layer.on("popupopen", function (event) {
      if (!content.hasChildNodes()) {
        content.innerHTML = place.popup;
        event.popup.update();
      }
    });
    layer.bindTooltip(place.tooltip, {sticky: true});
    return layer;
  });
  if (target.addLayers) {
    target.addLayers(layers);
  } else {
    layers.forEach(function (layer) { target.addLayer(layer); });
  }
};
