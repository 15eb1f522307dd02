/* civkg map: search, filters, evidence panel and exports over a vis-network graph.
   Every text from articles reaches the page through textContent, never innerHTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("map-data").textContent);
  var CONFIG = DATA.config;
  var FOLD = DATA.fold;
  var ARTICLES = DATA.articles;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  // The same folding as kg.text.ascii_key: to_ascii's table (computed in Python), single-spaced.
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var f = FOLD[c];
      if (f === undefined) f = FOLD[c.toLowerCase()];
      if (f !== undefined) out += f;
    }
    return out.split(/\s+/).filter(Boolean).join(" ");
  }

  // kg.text.sound_key: the fold, then the spellings that differ between scripts made one.
  var SOUND = DATA.sound.map(function (rule) { return [new RegExp(rule[0], "g"), rule[1]]; });
  function soundKey(text) {
    var key = fold(text);
    SOUND.forEach(function (rule) { key = key.replace(rule[0], rule[1]); });
    return key;
  }

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var byDegree = DATA.nodes.slice().sort(function (a, b) { return b.deg - a.deg || a.id - b.id; });
  var rank = {};
  byDegree.forEach(function (n, i) { rank[n.id] = i; });

  var state = {
    nodeTypes: {}, edgeTypes: {}, langs: {}, from: "", to: "",
    top: DATA.nodes.length > CONFIG.topN ? CONFIG.topN : DATA.nodes.length,
    articleOk: null,
  };
  CONFIG.nodeTypes.forEach(function (t) { state.nodeTypes[t] = true; });
  CONFIG.edgeTypes.forEach(function (t) { state.edgeTypes[t] = true; });
  var langs = {};
  ARTICLES.forEach(function (a) { langs[a.l] = true; });
  Object.keys(langs).sort().forEach(function (l) { state.langs[l] = true; });

  function computeArticles() {
    state.articleOk = ARTICLES.map(function (a) {
      if (!state.langs[a.l]) return false;
      if (state.from || state.to) {
        if (!a.d) return false;
        if (state.from && a.d < state.from) return false;
        if (state.to && a.d > state.to) return false;
      }
      return true;
    });
  }
  function anyArticle(list) {
    if (!list.length) return true;
    for (var i = 0; i < list.length; i++) if (state.articleOk[list[i]]) return true;
    return false;
  }
  function evidenceArticles(edge) { return edge.ev.map(function (e) { return e[1]; }); }

  computeArticles();
  function nodeVisible(n) {
    return state.nodeTypes[n.kind] && rank[n.id] < state.top && anyArticle(n.arts);
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      if (!state.edgeTypes[e.kind] || !anyArticle(evidenceArticles(e))) return false;
      return nodeVisible(nodes.get(e.from)) && nodeVisible(nodes.get(e.to));
    },
  });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  var ready = false;
  function markReady() {
    if (CONFIG.focus !== null) {
      // An ego map opens centred on its subject, at the zoom that fits the rest.
      var at = network.getPositions([CONFIG.focus])[CONFIG.focus];
      network.moveTo({ position: at, animation: false });
    }
    network.once("afterDrawing", function () {
      ready = true;
      document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
      document.body.setAttribute("data-ready", "true");
    });
    network.redraw();
  }
  if (DATA.options.physics.enabled) {
    // Settle once, then freeze: the map must not drift while an analyst reads it.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      markReady();
    });
  } else {
    markReady();
  }

  var countEl = document.getElementById("count");
  function refresh() {
    computeArticles();
    nodeView.refresh();
    edgeView.refresh();
    countEl.textContent = nodeView.length + " of " + DATA.nodes.length + " nodes, " +
      edgeView.length + " edges";
    if (sameButton) updateJudge();  // once the judging controls below are set up
  }

  // Filters.
  function checkbox(parent, label, checked, onChange, swatch) {
    var row = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    row.appendChild(box);
    if (swatch) row.appendChild(swatch);
    row.appendChild(document.createTextNode(" " + label));
    parent.appendChild(row);
    return box;
  }
  function swatch(colour, cls) {
    var s = el("span", null, cls || "swatch");
    if (cls === "line") s.style.borderColor = colour; else s.style.background = colour;
    return s;
  }
  var fNodes = document.getElementById("f-node-types");
  CONFIG.nodeTypes.forEach(function (t) {
    var box = checkbox(fNodes, t, true, function (v) { state.nodeTypes[t] = v; },
      swatch(CONFIG.nodeStyle[t].color));
    box.dataset.kind = t;
  });
  var fEdges = document.getElementById("f-edge-types");
  CONFIG.edgeTypes.forEach(function (t) {
    var box = checkbox(fEdges, t.replace("_", " "), true, function (v) { state.edgeTypes[t] = v; },
      swatch(CONFIG.edgeStyle[t].color, "line"));
    box.dataset.kind = t;
  });
  var fLangs = document.getElementById("f-langs");
  Object.keys(state.langs).forEach(function (l) {
    var box = checkbox(fLangs, l, true, function (v) { state.langs[l] = v; });
    box.dataset.lang = l;
  });
  document.getElementById("date-from").addEventListener("change", function (e) {
    state.from = e.target.value; refresh();
  });
  document.getElementById("date-to").addEventListener("change", function (e) {
    state.to = e.target.value; refresh();
  });
  // Year by year: what was reported up to the end of the chosen year; Play steps through
  // the years once a second. The last year shows everything, undated articles too.
  var years = ARTICLES.map(function (a) { return a.d ? parseInt(a.d.slice(0, 4), 10) : NaN; })
    .filter(function (y) { return !isNaN(y); });
  var firstYear = Math.min.apply(null, years), lastYear = Math.max.apply(null, years);
  var yearInput = document.getElementById("year"), yearShown = document.getElementById("year-shown");
  var playButton = document.getElementById("play"), playing = null;
  function setYear(year) {
    yearInput.value = String(year);
    state.to = year >= lastYear ? "" : year + "-12-31";
    document.getElementById("date-to").value = state.to;
    yearShown.textContent = year >= lastYear ? year + " (all)" : String(year);
    refresh();
  }
  function stopPlaying() {
    if (playing !== null) clearInterval(playing);
    playing = null;
    playButton.textContent = "Play";
  }
  if (years.length && lastYear > firstYear) {
    document.getElementById("f-years").hidden = false;
    yearInput.min = String(firstYear);
    yearInput.max = String(lastYear);
    yearInput.value = String(lastYear);
    yearShown.textContent = lastYear + " (all)";
    yearInput.addEventListener("input", function () {
      stopPlaying();
      setYear(parseInt(yearInput.value, 10));
    });
    playButton.addEventListener("click", function () {
      if (playing !== null) { stopPlaying(); return; }
      var year = parseInt(yearInput.value, 10);
      setYear(year >= lastYear ? firstYear : year + 1);
      playButton.textContent = "Pause";
      playing = setInterval(function () {
        var next = parseInt(yearInput.value, 10) + 1;
        setYear(next);
        if (next >= lastYear) stopPlaying();
      }, 1000);
    });
  }

  var topInput = document.getElementById("top-n");
  topInput.value = state.top;
  topInput.max = DATA.nodes.length;
  topInput.addEventListener("change", function () {
    var v = parseInt(topInput.value, 10);
    state.top = isNaN(v) || v < 1 ? DATA.nodes.length : v;
    refresh();
  });
  document.getElementById("show-all").addEventListener("click", function () {
    state.top = DATA.nodes.length;
    topInput.value = state.top;
    refresh();
  });

  // Legend: organisation classes and, with communities on, a note that colour means group.
  var legend = document.getElementById("legend");
  function legendRow(colour, text, cls) {
    var row = el("div");
    row.appendChild(swatch(colour, cls));
    row.appendChild(document.createTextNode(text));
    legend.appendChild(row);
  }
  // One key per colour drawn: organisations by class, the plain colour only if some
  // organisation has no class.
  CONFIG.nodeTypes.forEach(function (t) {
    if (t === "organisation") {
      if (CONFIG.plainOrgs) legendRow(CONFIG.nodeStyle[t].color, "organisation (diamond)");
      CONFIG.orgClasses.forEach(function (c) {
        legendRow(CONFIG.orgColours[c], "organisation: " + c + " (diamond)");
      });
      return;
    }
    legendRow(CONFIG.nodeStyle[t].color, t + " (" + CONFIG.nodeStyle[t].shape + ")");
  });
  CONFIG.edgeTypes.forEach(function (t) {
    legendRow(CONFIG.edgeStyle[t].color, t.replace("_", " ") +
      (CONFIG.edgeStyle[t].dashes && !CONFIG.large ? " (dashed)" : ""), "line");
  });
  if (CONFIG.communities) legend.appendChild(el("p", "Node colour = community (Louvain).", "hint"));

  // Side panel.
  var panel = document.getElementById("panel");
  function sourceLine(index) {
    var a = ARTICLES[index];
    var line = el("div", null, "source");
    if (!a) { line.textContent = "(article not in graph)"; return line; }
    var title = a.t || a.p || "article";
    if (a.u && /^https?:\/\//i.test(a.u)) {
      var link = el("a", title);
      link.href = a.u;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      line.appendChild(link);
    } else {
      line.appendChild(el("span", title));
    }
    var extra = [a.d, a.l, a.u ? null : a.p].filter(Boolean).join(" · ");
    if (extra) line.appendChild(document.createTextNode(" — " + extra));
    return line;
  }
  function factBox(edge) {
    var box = el("div", null, "fact");
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    box.appendChild(el("strong", from.label + " — " + edge.kind.replace("_", " ") + " → " + to.label));
    if (edge.role) box.appendChild(el("div", "role: " + edge.role));
    edge.ev.forEach(function (ev) {
      box.appendChild(el("blockquote", ev[0], "evidence"));
      box.appendChild(sourceLine(ev[1]));
    });
    return box;
  }
  function showNode(id) {
    var n = nodes.get(id);
    panel.replaceChildren();
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("div", (n.cls ? n.kind + " · " + n.cls : n.kind) + (n.date ? " · " + n.date : ""), "hint"));
    panel.appendChild(el("h3", "Names"));
    var list = el("ul", null, "names");
    n.names.forEach(function (pair) { list.appendChild(el("li", pair[0] + " [" + pair[1] + "]")); });
    panel.appendChild(list);
    panel.appendChild(el("h3", "Facts"));
    var facts = edges.get({ filter: function (e) { return e.from === id || e.to === id; } });
    if (!facts.length) panel.appendChild(el("p", "No facts.", "hint"));
    facts.forEach(function (e) { panel.appendChild(factBox(e)); });
  }
  function showEdge(id) {
    var e = edges.get(id);
    panel.replaceChildren();
    panel.appendChild(el("h2", e.kind.replace("_", " ")));
    panel.appendChild(factBox(e));
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.on("hoverEdge", function (params) {
    var e = edges.get(params.edge);
    edges.update({ id: e.id, label: e.role || e.kind.replace("_", " ") });
  });
  network.on("blurEdge", function (params) { edges.update({ id: params.edge, label: "" }); });

  // Search.
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  function matches(query) {
    var q = fold(query), s = soundKey(query), raw = query.trim().toLowerCase();
    if (!q && !raw) return [];
    var found = [];
    for (var i = 0; i < byDegree.length && found.length < 12; i++) {
      var n = byDegree[i];
      var hit = (q && n.fold.indexOf(q) >= 0) || (s && n.sound.indexOf(s) >= 0) ||
        n.names.some(function (p) {
        return p[0].toLowerCase().indexOf(raw) >= 0;
      });
      if (hit) found.push(n);
    }
    return found;
  }
  function focusNode(id) {
    var n = nodes.get(id);
    // A found node must be visible even if filters or top-N had hidden it.
    state.nodeTypes[n.kind] = true;
    if (rank[id] >= state.top) { state.top = rank[id] + 1; topInput.value = state.top; }
    document.querySelectorAll("#f-node-types input").forEach(function (box) {
      if (box.dataset.kind === n.kind) box.checked = true;
    });
    refresh();
    if (!nodeView.get(id)) {
      // Hidden by the language or date filter: clear those rather than find nothing.
      Object.keys(state.langs).forEach(function (l) { state.langs[l] = true; });
      document.querySelectorAll("#f-langs input").forEach(function (box) { box.checked = true; });
      state.from = state.to = "";
      document.getElementById("date-from").value = "";
      document.getElementById("date-to").value = "";
      refresh();
    }
    var around = network.getConnectedNodes(id);
    network.selectNodes([id].concat(around), true);
    // Frame the node with its neighbours, not zoomed in past reading size.
    network.fit({ nodes: [id].concat(around), maxZoomLevel: 1.5, animation: false });
    showNode(id);
    results.hidden = true;
    updateJudge();
  }
  search.addEventListener("input", function () {
    results.replaceChildren();
    var found = matches(search.value);
    found.forEach(function (n, i) {
      var item = el("li");
      if (i === 0) item.className = "active";
      item.appendChild(document.createTextNode(n.label + " "));
      item.appendChild(el("small", n.kind));
      item.dataset.id = n.id;
      // mousedown, not click: the search box's blur would hide the list before a click.
      item.addEventListener("mousedown", function (e) { e.preventDefault(); focusNode(n.id); });
      results.appendChild(item);
    });
    results.hidden = !found.length;
  });
  search.addEventListener("blur", function () { results.hidden = true; });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var first = results.querySelector("li");
      if (first) focusNode(parseInt(first.dataset.id, 10));
    } else if (e.key === "Escape") {
      results.hidden = true;
    }
  });

  // Exports.
  function download(name, href) {
    var a = el("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function pngDataUrl() {
    // The network canvas is transparent; give the picture the page's white background.
    var source = container.querySelector("canvas");
    var copy = document.createElement("canvas");
    copy.width = source.width;
    copy.height = source.height;
    var context = copy.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(source, 0, 0);
    return copy.toDataURL("image/png");
  }
  function xml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  }
  function gexf() {
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
      '<graph defaultedgetype="directed" mode="static">',
      '<attributes class="node"><attribute id="type" title="type" type="string"/>' +
      '<attribute id="iri" title="iri" type="string"/></attributes>',
      '<attributes class="edge"><attribute id="relation" title="relation" type="string"/>' +
      '<attribute id="role" title="role" type="string"/></attributes>', "<nodes>"];
    // The view as it is drawn: each node's colour, size and position (y up, as in Gephi).
    var at = network.getPositions();
    nodeView.get().forEach(function (n) {
      var hex = typeof n.color === "string" ? n.color : (n.color && n.color.background) || "#999999";
      var rgb = [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16) || 0; });
      var where = at[n.id] || { x: 0, y: 0 };
      out.push('<node id="' + n.id + '" label="' + xml(n.label) + '"><attvalues>' +
        '<attvalue for="type" value="' + xml(n.cls || n.kind) + '"/>' +
        '<attvalue for="iri" value="' + xml(n.iri) + '"/></attvalues>' +
        '<viz:color r="' + rgb[0] + '" g="' + rgb[1] + '" b="' + rgb[2] + '"/>' +
        '<viz:size value="' + (n.size || 10) + '"/>' +
        '<viz:position x="' + where.x.toFixed(1) + '" y="' + (-where.y).toFixed(1) + '" z="0.0"/>' +
        '</node>');
    });
    out.push("</nodes>", "<edges>");
    edgeView.get().forEach(function (e) {
      out.push('<edge id="' + e.id + '" source="' + e.from + '" target="' + e.to + '"><attvalues>' +
        '<attvalue for="relation" value="' + xml(e.kind) + '"/>' +
        '<attvalue for="role" value="' + xml(e.role || "") + '"/></attvalues></edge>');
    });
    out.push("</edges>", "</graph>", "</gexf>");
    return out.join("\n");
  }
  document.getElementById("export-png").addEventListener("click", function () {
    download("map.png", pngDataUrl());
  });
  document.getElementById("export-gexf").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([gexf()], { type: "application/xml" }));
    download("map.gexf", url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  // Judgements: two selected people (or organisations) marked the same actor or different
  // ones, downloaded as a decisions file for kg build --decisions. One JSON object per line,
  // written as kg.decisions.Decision.to_json writes it (sorted keys, Python's separators),
  // so the lines an analyst adds to the team's file read like those kg merge adds.
  var marks = [], unsaved = false;
  var pickEl = document.getElementById("judge-pick"), whyInput = document.getElementById("judge-why");
  var sameButton = document.getElementById("mark-same");
  var differentButton = document.getElementById("mark-different");
  var marksEl = document.getElementById("marks"), markCount = document.getElementById("mark-count");
  var downloadButton = document.getElementById("download-decisions");
  function selectedPair() {
    var ids = network.getSelectedNodes();
    if (ids.length !== 2) return null;
    var pair = ids.map(function (id) { return nodes.get(id); });
    if (!pair[0] || !pair[1] || !pair[0].ident || !pair[1].ident) return null;
    if (pair[0].kind !== pair[1].kind) return null;
    return pair.sort(function (a, b) { return a.ident < b.ident ? -1 : a.ident > b.ident ? 1 : 0; });
  }
  function updateJudge() {
    var pair = selectedPair(), count = network.getSelectedNodes().length;
    sameButton.disabled = differentButton.disabled = !pair;
    if (pair) pickEl.textContent = pair[0].label + " · " + pair[1].label;
    else if (count === 2) pickEl.textContent = "Only two people or two organisations can be judged.";
    else pickEl.textContent = "Select two people or two organisations (Ctrl-click the second).";
  }
  function isoNow() {
    return new Date().toISOString().replace(/\.\d+Z$/, "Z");  // to the second, as kg.decisions.now
  }
  function decisionLine(mark) {
    function list(items) { return "[" + items.map(function (t) { return JSON.stringify(t); }).join(", ") + "]"; }
    return "{" + [
      '"decision": ' + JSON.stringify(mark.decision), '"ids": ' + list(mark.ids),
      '"names": ' + list(mark.names), '"when": ' + JSON.stringify(mark.when),
      '"who": ' + JSON.stringify(mark.who), '"why": ' + JSON.stringify(mark.why),
    ].join(", ") + "}";
  }
  function decisionsText() {
    return marks.map(function (m) { return decisionLine(m) + "\n"; }).join("");
  }
  function showMarks() {
    marksEl.replaceChildren();
    marks.forEach(function (mark, index) {
      var sign = mark.decision === "merge" ? " = " : " ≠ ";
      var item = el("li", mark.names[0] + sign + mark.names[1]);
      item.title = mark.ids.join(sign) + (mark.why ? " — " + mark.why : "");
      var remove = el("button", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", "Remove this mark");
      remove.addEventListener("click", function () {
        marks.splice(index, 1);
        unsaved = marks.length > 0;
        showMarks();
      });
      item.appendChild(remove);
      marksEl.appendChild(item);
    });
    markCount.textContent = marks.length + (marks.length === 1 ? " mark" : " marks");
    downloadButton.disabled = !marks.length;
  }
  function mark(decision) {
    var pair = selectedPair();
    if (!pair) return null;
    var record = {
      decision: decision, ids: [pair[0].ident, pair[1].ident],
      names: [pair[0].label, pair[1].label], who: "map", when: isoNow(),
      why: whyInput.value.trim(),
    };
    // A pair judged again keeps only the last word on it.
    marks = marks.filter(function (m) { return m.ids.join("\n") !== record.ids.join("\n"); });
    marks.push(record);
    unsaved = true;
    whyInput.value = "";
    showMarks();
    return record;
  }
  function selectNodes(ids) {
    network.selectNodes(ids, false);
    updateJudge();
  }
  sameButton.addEventListener("click", function () { mark("merge"); });
  differentButton.addEventListener("click", function () { mark("distinct"); });
  downloadButton.addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([decisionsText()], { type: "application/x-ndjson" }));
    download("decisions.jsonl", url);
    unsaved = false;
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  network.on("select", updateJudge);
  network.on("deselectNode", updateJudge);
  window.addEventListener("beforeunload", function (e) {
    if (unsaved) { e.preventDefault(); e.returnValue = ""; }  // marks not yet downloaded
  });
  updateJudge();

  refresh();
  // For tests and power users in the console.
  window.civkgMap = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    fold: fold, focusNode: focusNode, showEdge: showEdge, gexf: gexf, pngDataUrl: pngDataUrl,
    setYear: setYear, soundKey: soundKey, selectNodes: selectNodes, mark: mark,
    marks: function () { return marks.slice(); }, decisions: decisionsText,
    isReady: function () { return ready; },
  };
})();
