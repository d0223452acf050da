// The actor network: a small force layout drawn as SVG, no library.
// Clicking an edge lists its events (with their source sentences) beside the graph.
(function () {
  "use strict";
  const svg = document.getElementById("graph");
  if (!svg) return;
  const panel = document.getElementById("edge-events");
  const NS = "http://www.w3.org/2000/svg";
  const COLORS = { PER: "#1f5fbf", ORG: "#0d7a5f", LOC: "#a35a00" };
  const query = new URLSearchParams(window.location.search);

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // Deterministic layout: nodes start on a circle, then springs and repulsion settle them.
  function layout(nodes, edges, width, height) {
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + (width / 3) * Math.cos(angle);
      n.y = height / 2 + (height / 3) * Math.sin(angle);
    });
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter((l) => l[0] !== undefined && l[1] !== undefined);
    const ideal = Math.min(width, height) / Math.max(3, Math.sqrt(nodes.length) + 1);
    for (let step = 0; step < 300; step++) {
      const cooling = 1 - step / 300;
      const fx = new Float64Array(nodes.length), fy = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
          const d2 = Math.max(dx * dx + dy * dy, 1), f = (ideal * ideal) / d2;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = nodes[b].x - nodes[a].x, dy = nodes[b].y - nodes[a].y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = (d - ideal) / d * 0.5;
        fx[a] += dx * f; fy[a] += dy * f; fx[b] -= dx * f; fy[b] -= dy * f;
      }
      nodes.forEach((n, i) => {
        fx[i] += (width / 2 - n.x) * 0.02; fy[i] += (height / 2 - n.y) * 0.02;
        const len = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1, move = Math.min(len, 20 * cooling + 1);
        n.x = Math.min(width - 40, Math.max(40, n.x + (fx[i] / len) * move));
        n.y = Math.min(height - 25, Math.max(25, n.y + (fy[i] / len) * move));
      });
    }
    return index;
  }

  function draw(data) {
    const box = svg.getBoundingClientRect();
    const width = box.width || 800, height = box.height || 600;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!data.nodes.length) {
      el("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, svg).textContent = "No interactions match these filters.";
      return;
    }
    const index = layout(data.nodes, data.edges, width, height);
    const defs = el("defs", {}, svg);
    const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9aa6b8" }, marker);
    const maxWeight = Math.max(...data.edges.map((e) => e.weight), 1);
    const radius = (n) => 5 + Math.min(14, Math.sqrt(n.weight) * 2.5);
    const edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
    for (const edge of data.edges) {
      const a = data.nodes[index.get(edge.source)], b = data.nodes[index.get(edge.target)];
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1), r = radius(b) + 3;
      const coords = { x1: a.x, y1: a.y, x2: b.x - (dx / d) * r, y2: b.y - (dy / d) * r };
      const group = el("g", { class: "edge", "data-source": edge.source, "data-target": edge.target }, edgeLayer);
      const line = el("line", { ...coords, "stroke-width": 1 + (4 * edge.weight) / maxWeight, "marker-end": "url(#arrow)" }, group);
      const hit = el("line", { ...coords, class: "edgehit" }, group);
      const types = Object.entries(edge.types).map(([t, c]) => `${t} ×${c}`).join(", ");
      el("title", {}, group).textContent = `${a.name} → ${b.name}: ${types}`;
      group.addEventListener("click", () => showEdge(edge, a, b, line));
      hit.style.cursor = "pointer";
    }
    for (const node of data.nodes) {
      const link = el("a", { href: `/entities/${encodeURIComponent(node.id)}` }, nodeLayer);
      el("circle", { cx: node.x, cy: node.y, r: radius(node), fill: COLORS[node.type] || "#6b7280" }, link);
      el("text", { x: node.x + radius(node) + 3, y: node.y + 4 }, link).textContent = node.name;
    }
  }

  async function showEdge(edge, a, b, line) {
    svg.querySelectorAll("line.on").forEach((l) => l.classList.remove("on"));
    line.classList.add("on");
    panel.replaceChildren(html("h2", `${a.name} → ${b.name}`), html("p", "Loading events…", "muted"));
    const params = new URLSearchParams({ actor: edge.source, recipient: edge.target, limit: 50 });
    for (const key of ["type", "since", "until", "modality", "country"]) if (query.get(key)) params.set(key, query.get(key));
    const response = await fetch(`/api/events?${params}`);
    const body = await response.json();
    const list = html("ul", undefined, "items");
    for (const ev of body.items || []) {
      const item = html("li");
      item.append(html("span", ev.type + (ev.mode ? "/" + ev.mode : ""), "tag ev"), " ");
      if (ev.modality && ev.modality !== "asserted") item.append(html("span", ev.modality, "tag mod"), " ");
      item.append(html("div", `«${ev.sentence}»`, "sentence"));
      const meta = html("div", `${ev.date || "date unknown"} · `, "meta");
      const source = html("a", ev.article_title || "source article");
      source.href = `/articles/${encodeURIComponent(ev.article_id)}#${ev.anchor}`;
      meta.append(source);
      item.append(meta);
      list.append(item);
    }
    panel.replaceChildren(html("h2", `${a.name} → ${b.name}`), html("p", `${body.total ?? body.items.length} events`, "muted"), list);
  }

  const params = new URLSearchParams(query);
  fetch(`/api/graph?${params}`).then((r) => r.json()).then((data) => {
    if (data.error) { panel.replaceChildren(html("p", data.error.message, "empty")); return; }
    draw(data);
    svg.dataset.ready = "1";
  });
})();
