// The print button of /checkliste; a file of its own so the page's CSP allows no inline script.
document.getElementById('print')?.addEventListener('click', () => window.print());
