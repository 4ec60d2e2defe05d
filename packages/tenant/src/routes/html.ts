/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

const styles = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f3f4f8;color:#1d2330;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:min(400px,calc(100vw - 32px));background:#fff;border-radius:14px;padding:32px 32px 28px;
box-shadow:0 1px 2px rgba(16,24,40,.06),0 12px 32px rgba(16,24,40,.1)}
.brand{display:flex;align-items:center;gap:10px;font-weight:700;font-size:15px;color:#4338ca;letter-spacing:.02em}
.brand span{display:grid;place-items:center;width:30px;height:30px;border-radius:8px;background:#4338ca;color:#fff}
h1{font-size:22px;margin:18px 0 4px}
p.sub{margin:0 0 22px;color:#5b6475;font-size:14px}
label{display:block;font-size:14px;font-weight:600;margin:14px 0 6px}
input{width:100%;padding:11px 12px;border:1px solid #cfd4dc;border-radius:8px;font:inherit}
input:focus{outline:2px solid #a5b4fc;border-color:#6366f1}
button{width:100%;margin-top:22px;padding:12px;border:0;border-radius:8px;background:#4338ca;color:#fff;
font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#3730a3}
button.secondary{background:#eef0f5;color:#1d2330;margin-top:10px}
.error{margin:0 0 6px;padding:10px 12px;border-radius:8px;background:#fef1f1;border:1px solid #f6c5c5;
color:#a61b1b;font-size:14px}
.foot{margin-top:18px;font-size:12px;color:#5b6475;text-align:center}
ul{padding-left:20px;margin:0}
`;

/** A complete page in the tenant's look: a card with the tenant name on top. */
export function renderPage(options: { tenantName: string; title: string; body: string }): string {
  const initial = escapeHtml(options.tenantName.slice(0, 1).toUpperCase());
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(options.title)} · ${escapeHtml(options.tenantName)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<div class="brand"><span>${initial}</span>${escapeHtml(options.tenantName)}</div>
${options.body}
<p class="foot">Local development tenant · not for production use</p>
</main>
</body>
</html>`;
}
