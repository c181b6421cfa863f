// The practice call in the report's account page: the same engine as pipeline/present/rehearsal.cpp
// over the same script rows, which the page carries as JSON (#practice-data) with the account's
// figures. Offline: nothing is fetched. A page opened with "#practice=hard:line|line" plays those
// lines at once (how the tests drive it in headless Chromium).
(function () {
  var data = JSON.parse(document.getElementById('practice-data').textContent);
  var log = document.getElementById('practice-log');
  var call = null;

  function say(who, text) {
    var p = document.createElement('p');
    p.className = who === 'Coach' ? 'coach' : '';
    p.textContent = who === '+' || who === '-' ? who + ' ' + text : text ? who + ': ' + text : who;
    log.appendChild(p);
  }

  function start(mode) {
    call = {rows: {}, warn: [], coach: [], well: [], missed: [], topics: [], cameUp: {}, corrected: false,
            said: null, offered: null, ended: false};
    var scripts = mode === 'hard' ? [data.normal, data.hard] : [data.normal];
    scripts.forEach(function (rows) {
      rows.forEach(function (row) {
        var kind = row[0], name = row[1], text = row[2];
        if (kind === 'topic') {
          call.topics.push([name, text ? text.split('|') : []]);
        } else if (kind === 'well' || kind === 'missed') {
          call[kind].push([name.split('|'), text]);
        } else {
          var order = kind === 'warn' ? call.warn : kind === 'coach' ? call.coach : null;
          if (order && order.indexOf(name) < 0) order.push(name);
          call.rows[kind + '\t' + name] = text;
        }
      });
    });
    call.topics.push(['too_much', []], ['settle_too_soon', []]);
    log.textContent = '';
    say('Rep', variant('rep', 'opening'));
  }

  function fill(text) {
    var values = Object.assign({}, data.values);
    values['{offered}'] = call.said === null ? 'the balance' : money(call.said);
    Object.keys(values).forEach(function (key) { text = text.split(key).join(values[key]); });
    return text;
  }

  function row(kind, name) {
    var text = call.rows[kind + '\t' + name];
    return text === undefined ? '' : fill(text);
  }

  function variant(kind, name) {
    var text = call.cameUp.evidence ? row(kind, name + '+evidence') : '';
    if (!text && data.collections) text = row(kind, name + '+collections');
    return text || row(kind, name);
  }

  function money(cents) {
    var whole = Math.floor(Math.abs(cents) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (cents < 0 ? '-' : '') + '$' + whole + '.' + ('0' + Math.abs(cents) % 100).slice(-2);
  }

  // A dollar figure the person said ("$150", "150.00", "1,200"), as in rehearsal.cpp's AmountIn.
  function amountIn(line) {
    var words = line.split(/\s+/);
    for (var i = 0; i < words.length; ++i) {
      var word = words[i].replace(/[^\w$]+$/, '');
      var digits = word.replace(/[$,.]/g, '');
      if (!/^\d{1,9}$/.test(digits)) continue;
      if (word[0] !== '$' && word.indexOf('.') < 0 && digits.length > 7) continue;
      var value = parseFloat(word.replace(/[$,]/g, ''));
      if (!isNaN(value)) return Math.round(value * 100);
    }
    return null;
  }

  function hear(line) {
    var said = line.toLowerCase(), now = {};
    call.topics.forEach(function (topic) {
      if (topic[1].some(function (phrase) { return said.indexOf(phrase) >= 0; })) now[topic[0]] = true;
    });
    var amount = now.evidence ? null : amountIn(line);
    if (now.evidence && data.planSays) call.corrected = true;
    if (amount !== null) {
      call.said = amount;
      if (amount > data.target) now.too_much = true;
      else if (data.hold && !call.corrected) now.settle_too_soon = true;
      else { now.amount = true; call.offered = amount; }
    }
    Object.keys(now).forEach(function (name) { call.cameUp[name] = true; });
    say('You', line);
    var rep = '';
    for (var i = 0; i < call.topics.length && !rep; ++i) {
      var name = call.topics[i][0];
      if (!now[name]) continue;
      rep = variant('rep', name);
      if (rep && name === 'goodbye') call.ended = true;
    }
    say('Rep', rep || row('rep', 'unknown'));
    var coaching = [];
    [['warn', call.warn], ['coach', call.coach]].forEach(function (kind) {
      kind[1].forEach(function (name) {
        if (now[name] && coaching.length < 2) coaching.push(variant(kind[0], name));
      });
    });
    coaching.forEach(function (text) { say('Coach', text); });
    if (call.ended) summary();
  }

  function summary() {
    say('How it went', '');
    call.well.forEach(function (w) { if (call.cameUp[w[0][0]]) say('+', fill(w[1])); });
    call.warn.forEach(function (name) { if (call.cameUp[name]) say('-', row('warn', name)); });
    call.missed.forEach(function (m) {
      var any = m[0].some(function (name) { return call.cameUp[name]; });
      if (!any && !(data.hold && m[0][0] === 'reduce_open')) say('-', fill(m[1]));
    });
  }

  var form = document.getElementById('practice-form'), input = document.getElementById('practice-line');
  var hard = document.getElementById('practice-hard');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (call.ended) start(hard.checked ? 'hard' : 'normal');
    if (input.value.trim()) hear(input.value.trim());
    input.value = '';
  });
  hard.addEventListener('change', function () { start(hard.checked ? 'hard' : 'normal'); });
  var played = /^#practice=(normal|hard):(.*)$/.exec(decodeURIComponent(location.hash));
  hard.checked = played !== null && played[1] === 'hard';
  start(hard.checked ? 'hard' : 'normal');
  if (played) played[2].split('|').forEach(function (line) { if (line && !call.ended) hear(line); });
})();
