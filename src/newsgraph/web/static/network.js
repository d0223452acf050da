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

  // Deterministic force layout (Fruchterman-Reingold with gravity) in free space,
  // then scaled into the drawing: no node is pushed against a wall, labels keep their room.
  function layout(nodes, edges, width, height) {
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const k = 60, steps = 400;
    nodes.forEach((n, i) => {
      const angle = 0.6 + (2 * Math.PI * i) / nodes.length;  // never start on an axis
      n.x = 200 * Math.cos(angle);
      n.y = 200 * Math.sin(angle);
    });
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter((l) => l[0] !== undefined && l[1] !== undefined);
    for (let step = 0; step < steps; step++) {
      const limit = 30 * (1 - step / steps) + 0.5;
      const fx = new Float64Array(nodes.length), fy = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
          const d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d / d;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = nodes[b].x - nodes[a].x, dy = nodes[b].y - nodes[a].y, f = Math.hypot(dx, dy) / k;
        fx[a] += dx * f; fy[a] += dy * f; fx[b] -= dx * f; fy[b] -= dy * f;
      }
      nodes.forEach((n, i) => {
        fx[i] -= n.x * 0.35; fy[i] -= n.y * 0.35;
        const len = Math.hypot(fx[i], fy[i]) || 1, move = Math.min(len, limit);
        n.x += (fx[i] / len) * move;
        n.y += (fy[i] / len) * move;
      });
    }
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const pad = { left: 40, right: 150, top: 40, bottom: 40 };
    const scale = Math.min((width - pad.left - pad.right) / Math.max(right - left, 1), (height - pad.top - pad.bottom) / Math.max(bottom - top, 1), 2.5);
    const offsetX = pad.left + (width - pad.left - pad.right - (right - left) * scale) / 2;
    const offsetY = pad.top + (height - pad.top - pad.bottom - (bottom - top) * scale) / 2;
    nodes.forEach((n) => { n.x = offsetX + (n.x - left) * scale; n.y = offsetY + (n.y - top) * scale; });
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
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    const maxEvents = Math.max(...data.edges.map((e) => e.events), 1);
    const radius = (n) => 5 + Math.min(14, Math.sqrt(n.articles) * 2.5);
    const edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
    for (const edge of data.edges) {
      const a = data.nodes[index.get(edge.source)], b = data.nodes[index.get(edge.target)];
      if (!a || !b) continue;
      const coords = { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
      const group = el("g", { class: "edge", "data-source": edge.source, "data-target": edge.target }, edgeLayer);
      const line = el("line", { ...coords, "stroke-width": 1.5 + (5 * edge.events) / maxEvents }, group);
      el("line", { ...coords, class: "edgehit" }, group);
      const said = edge.interactions.map((i) => `${byId.get(i.actor).name} ${i.together ? "&" : "→"} ${byId.get(i.recipient).name}: ${i.type} ×${i.count}`);
      el("title", {}, group).textContent = said.join("\n");
      group.addEventListener("click", () => showEdge(edge, byId, line));
    }
    for (const node of data.nodes) {
      const link = el("a", { href: `/entities/${encodeURIComponent(node.id)}` }, nodeLayer);
      el("circle", { cx: node.x, cy: node.y, r: radius(node), fill: COLORS[node.type] || "#6b7280" }, link);
      el("text", { x: node.x + radius(node) + 3, y: node.y + 4 }, link).textContent = node.name;
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

  async function showEdge(edge, byId, line) {
    svg.querySelectorAll("line.on").forEach((l) => l.classList.remove("on"));
    line.classList.add("on");
    const title = `${byId.get(edge.source).name} — ${byId.get(edge.target).name}`;
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
      const source = html("a", ev.article.title || "source article");
      source.href = `/articles/${encodeURIComponent(ev.article_id)}#${ev.id.split("/").pop()}`;
      meta.append(source);
      item.append(meta);
      list.append(item);
    }
    const count = html("p", `${found.length} event${found.length === 1 ? "" : "s"}` + (edge.co_mentions ? `, mentioned together in ${edge.co_mentions} articles` : ""), "muted");
    panel.replaceChildren(html("h2", title), count, list);
  }

  const params = new URLSearchParams(query);
  fetch(`/api/graph?${params}`).then((r) => r.json()).then((data) => {
    if (data.error) { panel.replaceChildren(html("p", data.error.message, "empty")); return; }
    draw(data);
    svg.dataset.ready = "1";
  });
})();
