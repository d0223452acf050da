// The actor network, drawn by Cytoscape.js (vendored in static/vendor, see VENDORED.md):
// zoom and pan come with it, the cose layout counts each name's label as part of its node
// so labels keep apart, and tiny labels hide when zoomed out. Node size: articles
// mentioning the actor; edge colour: the PLOVER quad category of most of its events.
// Clicking an edge lists its events (with their source sentences) beside the graph.
(function () {
  "use strict";
  const box = document.getElementById("graph");
  if (!box || !window.cytoscape) return;
  const panel = document.getElementById("edge-events");
  const query = new URLSearchParams(window.location.search);
  const NODE_COLOURS = { PER: "#1f5fbf", ORG: "#0d7a5f", LOC: "#a35a00" };
  const QUAD_COLOURS = {
    "verbal cooperation": "#6cbf73", "material cooperation": "#17803d",
    "verbal conflict": "#f08c2e", "material conflict": "#c62828",
  };
  const COMENTION_COLOUR = "#c3cad5";

  function html(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function elements(data) {
    const nodes = data.nodes.map((n, i) => ({
      group: "nodes",
      data: { id: n.id, name: n.name, articles: n.articles, colour: NODE_COLOURS[n.type] || "#6b7280" },
      // A fixed start on a circle: the same graph is laid out the same way every time.
      position: { x: 300 * Math.cos((2 * Math.PI * i) / data.nodes.length), y: 300 * Math.sin((2 * Math.PI * i) / data.nodes.length) },
    }));
    const ids = new Set(data.nodes.map((n) => n.id));
    const edges = data.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({
      group: "edges",
      data: {
        id: `${e.source}\n${e.target}`, source: e.source, target: e.target, events: e.events,
        colour: QUAD_COLOURS[e.quad] || COMENTION_COLOUR, edge: e,
      },
      classes: e.events ? "" : "comention",
    }));
    return nodes.concat(edges);
  }

  function draw(data) {
    if (!data.nodes.length) {
      box.replaceChildren(html("p", "No interactions match these filters.", "empty"));
      return null;
    }
    const articles = data.nodes.map((n) => n.articles);
    const events = data.edges.map((e) => e.events);
    const span = (values) => [Math.min(...values), Math.max(Math.max(...values), Math.min(...values) + 1)];
    const [fewest, most] = span(articles), [least, busiest] = span(events.length ? events : [0]);
    const cy = window.cytoscape({
      container: box,
      elements: elements(data),
      minZoom: 0.2, maxZoom: 4,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", "border-color": "#fff", "border-width": 1.5,
          width: `mapData(articles, ${fewest}, ${most}, 14, 46)`, height: `mapData(articles, ${fewest}, ${most}, 14, 46)`,
          label: "data(name)", "font-size": 13, color: "#1c2430", "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-color": "#fff", "text-outline-width": 2.5, "min-zoomed-font-size": 6,
        } },
        { selector: "edge", style: {
          "line-color": "data(colour)", "curve-style": "bezier", opacity: 0.85,
          width: `mapData(events, ${least}, ${busiest}, 2, 8)`,
        } },
        { selector: "edge.comention", style: { width: 1.5, "line-style": "dashed" } },
        { selector: "edge.on", style: { "line-color": "#7a3fb0", opacity: 1, "z-index": 9 } },
        { selector: "node:active, edge:active", style: { "overlay-opacity": 0.12 } },
      ],
      layout: { name: "preset" },
    });
    const layout = cy.layout({
      name: "cose", randomize: false, animate: false, nodeDimensionsIncludeLabels: true, fit: true, padding: 24,
      nodeRepulsion: () => 40000, idealEdgeLength: () => 60, nodeOverlap: 60, componentSpacing: 30, numIter: 1500,
    });
    layout.one("layoutstop", () => {
      separateLabels(cy);
      cy.fit(undefined, 24);
      box.dataset.ready = "1";
    });
    layout.run();
    cy.on("tap", "node", (event) => { window.location.href = `/entities/${encodeURIComponent(event.target.id())}`; });
    cy.on("tap", "edge", (event) => showEdge(event.target, cy));
    cy.on("mouseover", "node, edge", () => { box.style.cursor = "pointer"; });
    cy.on("mouseout", "node, edge", () => { box.style.cursor = ""; });
    return cy;
  }

  // cose keeps nodes apart but not always their labels: push apart, along the shorter way
  // out, any two nodes whose boxes (label included) still overlap, a few rounds at most.
  function separateLabels(cy) {
    const gap = 4;
    for (let round = 0; round < 50; round++) {
      let moved = false;
      const nodes = cy.nodes().toArray();
      const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = boxes[i], b = boxes[j];
          const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap, dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
          if (dx <= 0 || dy <= 0) continue;
          const [pi, pj] = [nodes[i].position(), nodes[j].position()];
          const push = dx < dy ? { x: (pi.x <= pj.x ? -dx : dx) / 2, y: 0 } : { x: 0, y: (pi.y <= pj.y ? -dy : dy) / 2 };
          nodes[i].position({ x: pi.x + push.x, y: pi.y + push.y });
          nodes[j].position({ x: pj.x - push.x, y: pj.y - push.y });
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  async function eventsBetween(interaction) {
    // Events of two actors together: one as actor, the other taking part (`country` means any role).
    const other = interaction.together ? "country" : "recipient";
    const params = new URLSearchParams({ actor: interaction.actor, [other]: interaction.recipient, limit: 50 });
    for (const key of ["type", "since", "until"]) if (query.get(key)) params.set(key, query.get(key));
    const response = await fetch(`/api/reports?${params}`);
    return (await response.json()).items || [];
  }

  async function showEdge(line, cy) {
    cy.edges(".on").removeClass("on");
    line.addClass("on");
    const edge = line.data("edge");
    const title = `${cy.getElementById(edge.source).data("name")} — ${cy.getElementById(edge.target).data("name")}`;
    panel.replaceChildren(html("h2", title), html("p", "Loading events…", "muted"));
    const directions = new Map(edge.interactions.map((i) => [`${i.actor}\n${i.recipient}\n${i.together}`, i]));
    const byEvent = new Map();
    for (const list of await Promise.all(Array.from(directions.values()).map(eventsBetween))) {
      for (const ev of list) byEvent.set(ev.id, ev);
    }
    const found = Array.from(byEvent.values());
    found.sort((x, y) => (y.day || "").localeCompare(x.day || ""));
    const list = html("ul", undefined, "items");
    for (const ev of found) {
      const item = html("li");
      item.append(html("span", ev.type + (ev.mode ? "/" + ev.mode : ""), "tag ev"), " ");
      const names = (side) => side.map((s) => s.name).join(", ") || "—";
      item.append(html("b", ev.recipients.length ? `${names(ev.actors)} → ${names(ev.recipients)}` : names(ev.actors)), " ");
      if (ev.modality && ev.modality !== "asserted") item.append(html("span", ev.modality, "tag mod"));
      item.append(html("div", ev.sentence.text || ev.trigger.text, "sentence"));
      const meta = html("div", `${ev.date || ev.day || "date unknown"} · `, "meta");
      const source = html("a", ev.article.headline || "source article");
      source.href = `/articles/${encodeURIComponent(ev.article_id)}#${ev.id.split("/").pop()}`;
      meta.append(source);
      item.append(meta);
      list.append(item);
    }
    const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const together = edge.co_mentions ? `, mentioned together in ${plural(edge.co_mentions, "article")}` : "";
    panel.replaceChildren(html("h2", title), html("p", plural(found.length, "event") + together, "muted"), list);
  }

  fetch(`/api/graph?${new URLSearchParams(query)}`).then((r) => r.json()).then((data) => {
    if (data.error) { panel.replaceChildren(html("p", data.error.message, "empty")); return; }
    // Kept on the page so the browser tests (and a curious reader's console) can reach the graph.
    window.networkGraph = draw(data);
    if (!window.networkGraph) box.dataset.ready = "1";
  });
})();
