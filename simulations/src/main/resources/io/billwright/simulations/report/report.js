(function () {
  'use strict';
  var PAGE = 500;
  var DELTA = 12;
  var headings = Array.prototype.slice.call(document.querySelectorAll('#lines-table th.sortable'));
  var columns = headings.map(function (th) {
    return {
      fields: th.getAttribute('data-fields').split(',').map(Number),
      number: th.getAttribute('data-type') === 'number',
      className: th.className.replace('sortable', '').trim()
    };
  });
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

  function cell(row, column) {
    var td = document.createElement('td');
    var main = row[column.fields[0]];
    td.textContent = main;
    for (var i = 1; i < column.fields.length; i++) {
      var extra = row[column.fields[i]];
      if (extra) {
        var span = document.createElement('span');
        span.className = i === 1 ? 'extra reason' : 'extra rules';
        span.textContent = extra;
        td.appendChild(span);
      }
    }
    td.className = column.className;
    if (column.fields[0] === DELTA) {
      td.className += main.charAt(0) === '+' ? ' delta up' : main.charAt(0) === '-' ? ' delta down' : ' delta same';
    }
    return td;
  }

  function showMore() {
    var end = Math.min(matching.length, shown + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) {
      var row = rows[matching[i]];
      var tr = document.createElement('tr');
      for (var c = 0; c < columns.length; c++) tr.appendChild(cell(row, columns[c]));
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

  // an amount as shown (1,234.50, +12.00) as a number, for ordering only
  function amount(text) {
    return parseFloat(text.replace(/,/g, ''));
  }

  function compare(column) {
    var field = column.fields[0];
    var then = column.fields.length > 1 ? column.fields[1] : field;
    return function (a, b) {
      var x = rows[a], y = rows[b];
      // parsing to a number only orders the rows; the amounts shown are always the exact strings
      var diff = column.number ? amount(x[field]) - amount(y[field])
        : x[field].localeCompare(y[field], undefined, { numeric: true, sensitivity: 'base' })
          || x[then].localeCompare(y[then], undefined, { numeric: true, sensitivity: 'base' });
      return diff !== 0 ? diff : a - b;
    };
  }

  headings.forEach(function (th, index) {
    th.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      headings.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      order = rows.map(function (_, i) { return i; }).sort(compare(columns[index]));
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
