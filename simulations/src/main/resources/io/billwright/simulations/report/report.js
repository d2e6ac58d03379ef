(function () {
  'use strict';
  var PAGE = 500;
  var AMOUNTS = { 8: true, 11: true, 12: true };
  var STATUS = { 6: true, 9: true };
  var RULES = { 13: true, 14: true };
  var rows = JSON.parse(document.getElementById('lines-data').textContent);
  var haystacks = rows.map(function (row) { return row.join('\u0001').toLowerCase(); });
  var order = rows.map(function (_, i) { return i; });
  var matching = order;
  var shown = 0;
  var filter = document.getElementById('filter');
  var count = document.getElementById('count');
  var body = document.querySelector('#lines-table tbody');
  var more = document.getElementById('more');
  var none = document.getElementById('none');

  function cell(row, col) {
    var td = document.createElement('td');
    var text = row[col];
    td.textContent = text;
    if (AMOUNTS[col]) {
      td.className = 'num';
      if (col === 12) td.className += text.charAt(0) === '+' ? ' delta up' : text.charAt(0) === '-' ? ' delta down' : ' delta same';
    } else if (RULES[col]) {
      td.className = 'rules';
    } else if (STATUS[col]) {
      td.className = 'status';
    }
    return td;
  }

  function showMore() {
    var end = Math.min(matching.length, shown + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) {
      var row = rows[matching[i]];
      var tr = document.createElement('tr');
      for (var col = 0; col < row.length; col++) tr.appendChild(cell(row, col));
      fragment.appendChild(tr);
    }
    body.appendChild(fragment);
    shown = end;
    var hidden = matching.length - shown;
    more.hidden = hidden === 0;
    more.textContent = 'Show ' + Math.min(PAGE, hidden) + ' more (' + hidden + ' not shown)';
  }

  function render() {
    var query = filter.value.trim().toLowerCase();
    matching = query === '' ? order : order.filter(function (i) { return haystacks[i].indexOf(query) !== -1; });
    body.textContent = '';
    shown = 0;
    showMore();
    count.textContent = matching.length + ' of ' + rows.length + ' lines';
    none.hidden = matching.length !== 0;
  }

  function compare(col, numeric) {
    return function (a, b) {
      var x = rows[a][col], y = rows[b][col];
      // parsing to a number orders the rows; the amounts shown are always the exact strings
      var diff = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
      return diff !== 0 ? diff : a - b;
    };
  }

  document.querySelectorAll('#lines-table th.sortable').forEach(function (th) {
    th.addEventListener('click', function () {
      var col = Number(th.getAttribute('data-col'));
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      document.querySelectorAll('#lines-table th.sortable').forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      order = rows.map(function (_, i) { return i; }).sort(compare(col, th.getAttribute('data-type') === 'number'));
      if (!ascending) order.reverse();
      render();
    });
  });

  var timer = null;
  filter.addEventListener('input', function () {
    if (rows.length < 20000) { render(); return; }
    clearTimeout(timer);
    timer = setTimeout(render, 150);
  });
  more.addEventListener('click', showMore);
  render();
})();
