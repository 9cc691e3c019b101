// dossier timeline: dated statements drawn on a zoomable time axis, in SVG.
// Written for dossier; no library. Data comes from the JSON in
// <script id="points">; every text goes in through textContent, never HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var YEAR = 365.2425 * DAY;
  var figure = document.getElementById("chart");
  var source = document.getElementById("points");
  if (!figure || !source) return;
  var points = JSON.parse(source.textContent || "[]");

  function time(iso) {
    var p = iso.split("-").map(Number);
    var d = new Date(0);
    d.setUTCFullYear(p[0], (p[1] || 1) - 1, p[2] || 1);
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime();
  }
  points.forEach(function (p) {
    p.start = time(p.first);
    p.end = time(p.last) + DAY;
    p.at = (p.start + p.end) / 2;
  });
  if (!points.length) return;
  var lowest = Math.min.apply(null, points.map(function (p) { return p.start; }));
  var highest = Math.max.apply(null, points.map(function (p) { return p.end; }));
  var pad = Math.max((highest - lowest) * 0.03, 15 * DAY);
  var full = [lowest - pad, highest + pad];
  var view = full.slice();

  var controls = document.createElement("div");
  controls.className = "controls";
  var label = document.createElement("span");
  label.className = "dim";
  controls.appendChild(document.createTextNode("Zoom: "));
  [["all", null], ["decade", 10 * YEAR], ["year", YEAR], ["month", 31 * DAY], ["day", 3 * DAY]].forEach(function (z) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = z[0];
    b.dataset.zoom = z[0];
    b.addEventListener("click", function () {
      if (z[1] === null) { view = full.slice(); } else {
        var c = (view[0] + view[1]) / 2;
        view = [c - z[1] / 2, c + z[1] / 2];
      }
      draw();
    });
    controls.appendChild(b);
  });
  controls.appendChild(label);
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "timeline of dated statements");
  var tip = document.createElement("div");
  tip.className = "tip";
  figure.appendChild(controls);
  figure.appendChild(svg);
  figure.appendChild(tip);

  function node(name, attributes, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function ticks(from, to) {
    var span = to - from;
    var first = new Date(from);
    var out = [];
    var step, unit;
    if (span > 120 * YEAR) { unit = "year"; step = 50; }
    else if (span > 40 * YEAR) { unit = "year"; step = 10; }
    else if (span > 12 * YEAR) { unit = "year"; step = 2; }
    else if (span > 3 * YEAR) { unit = "year"; step = 1; }
    else if (span > 8 * 31 * DAY) { unit = "month"; step = 3; }
    else if (span > 60 * DAY) { unit = "month"; step = 1; }
    else if (span > 20 * DAY) { unit = "day"; step = 7; }
    else { unit = "day"; step = 1; }
    var d = new Date(0);
    if (unit === "year") {
      var y = Math.floor(first.getUTCFullYear() / step) * step;
      for (; ; y += step) { d = new Date(0); d.setUTCFullYear(y, 0, 1); if (d.getTime() > to) break; out.push([d.getTime(), String(y)]); }
    } else if (unit === "month") {
      var m = first.getUTCFullYear() * 12 + Math.floor(first.getUTCMonth() / step) * step;
      for (; ; m += step) { d = new Date(0); d.setUTCFullYear(Math.floor(m / 12), m % 12, 1); if (d.getTime() > to) break; out.push([d.getTime(), d.toISOString().slice(0, 7).replace(/^\+?0*(?=\d{4})/, "")]); }
    } else {
      var t = Math.floor(from / DAY) * DAY;
      for (; t <= to; t += step * DAY) { out.push([t, new Date(t).toISOString().slice(0, 10)]); }
    }
    return out;
  }

  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var width = svg.clientWidth || 800, height = svg.clientHeight || 260;
    var left = 10, right = width - 10, base = height - 28;
    var scale = function (t) { return left + (t - view[0]) / (view[1] - view[0]) * (right - left); };
    var axis = node("g", { "class": "axis" }, svg);
    node("line", { x1: left, x2: right, y1: base + 0.5, y2: base + 0.5 }, axis);
    ticks(view[0], view[1]).forEach(function (tick) {
      var x = scale(tick[0]);
      if (x < left || x > right) return;
      node("line", { x1: x, x2: x, y1: 8, y2: base + 5 }, axis);
      var text = node("text", { x: x + 3, y: base + 18 }, axis);
      text.textContent = tick[1];
    });
    var lanes = {};
    var shown = 0;
    points.forEach(function (p) {
      if (p.end < view[0] || p.start > view[1]) return;
      var x = scale(p.at);
      var column = Math.round(x / 9);
      var lane = lanes[column] = (lanes[column] || 0) + 1;
      var y = base - 8 - ((lane - 1) % Math.max(1, Math.floor((base - 16) / 9))) * 9;
      var link = node("a", { href: "/doc/" + encodeURIComponent(p.doc) + "?mark=" + p.span[0] + "-" + p.span[1] + "#mark" }, svg);
      var x0 = scale(p.start), x1 = scale(p.end);
      if (x1 - x0 > 6) node("rect", { "class": "range", x: x0, width: x1 - x0, y: y - 3, height: 6 }, link);
      var dot = node("circle", { "class": "point", cx: x, cy: y, r: 4.5, tabindex: 0 }, link);
      var title = node("title", {}, dot);
      title.textContent = p.first + (p.last !== p.first ? " to " + p.last : "") + ": " + p.text;
      link.addEventListener("mouseenter", function () {
        tip.textContent = p.first + (p.last !== p.first ? " to " + p.last : "") + " · “" + p.text + "” · document " + p.doc;
      });
      link.addEventListener("click", function (event) { if (dragged) event.preventDefault(); });
      shown += 1;
    });
    label.textContent = " " + new Date(view[0]).toISOString().slice(0, 10).replace(/^\+?0*(?=\d{4})/, "") + " to " +
      new Date(view[1]).toISOString().slice(0, 10).replace(/^\+?0*(?=\d{4})/, "") + " · " + shown + " points";
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = svg.getBoundingClientRect();
    var at = view[0] + (event.clientX - box.left) / box.width * (view[1] - view[0]);
    var factor = event.deltaY < 0 ? 0.8 : 1.25;
    var span = Math.min(Math.max((view[1] - view[0]) * factor, DAY), (full[1] - full[0]) * 4);
    var share = (at - view[0]) / (view[1] - view[0]);
    view = [at - span * share, at + span * (1 - share)];
    draw();
  }, { passive: false });

  var grabbed = null, dragged = false;
  svg.addEventListener("pointerdown", function (event) { grabbed = [event.clientX, view.slice()]; dragged = false; });
  window.addEventListener("pointermove", function (event) {
    if (!grabbed) return;
    var moved = event.clientX - grabbed[0];
    if (Math.abs(moved) > 3) dragged = true;
    if (!dragged) return;
    var shift = moved / svg.getBoundingClientRect().width * (grabbed[1][1] - grabbed[1][0]);
    view = [grabbed[1][0] - shift, grabbed[1][1] - shift];
    draw();
  });
  window.addEventListener("pointerup", function () { grabbed = null; setTimeout(function () { dragged = false; }, 0); });
  window.addEventListener("resize", draw);
  draw();
})();
