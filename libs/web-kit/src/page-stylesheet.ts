import { createHash } from 'node:crypto';

/** The portal's only stylesheet: mobile-first, system fonts, 44 px tap targets, AA contrast, visible focus. */
export const PORTAL_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
a{color:#0b4f9c}
a:visited{color:#5a2d82}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-999px;top:0;background:#fff;padding:.75rem 1rem;z-index:1}
.skip:focus{inset-inline-start:0}
header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding:.5rem 1rem;background:#0b3d6e;color:#fff}
header a{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;display:inline-flex;align-items:center;min-height:44px}
.langs ul{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-flex;align-items:center;min-height:44px;min-width:44px;padding:0 .6rem}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25}
.number{white-space:nowrap;direction:ltr;unicode-bidi:isolate}
h2{font-size:1.25rem;margin-top:2rem}
.big-links{display:grid;gap:1rem;margin:1.5rem 0;padding:0;list-style:none}
.big-links a,button{display:flex;align-items:center;justify-content:center;min-height:48px;padding:.75rem 1.25rem;border-radius:.375rem;font-size:1.125rem;font-weight:600;text-align:center}
.big-links a{background:#0b4f9c;color:#fff;text-decoration:none}
button{border:0;background:#0b4f9c;color:#fff;cursor:pointer;font-family:inherit;width:100%;margin-top:1rem}
button:hover,.big-links a:hover{background:#083b75}
.field{margin:1.25rem 0}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
.hint{color:#4a4a4a;margin:.1rem 0 .4rem;font-size:.95rem}
input[type=text],input[type=tel],input[type=email],select,textarea{display:block;width:100%;min-height:44px;padding:.5rem .6rem;font:inherit;color:inherit;background:#fff;border:2px solid #555;border-radius:.25rem}
textarea{min-height:9rem}
input[type=file]{display:block;width:100%;min-height:44px;padding:.4rem 0;font:inherit}
input[type=file]::file-selector-button{min-height:44px;margin-inline-end:.75rem;padding:.5rem 1rem;font:inherit;border:2px solid #555;border-radius:.25rem;background:#fff;color:inherit}
fieldset{border:0;padding:0;margin:1.25rem 0}
.choice{display:flex;align-items:center;gap:.6rem;min-height:44px}
.choice input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.choice label{font-weight:400;margin:0}
[aria-invalid=true]{border-color:#b00020}
.error{color:#b00020;font-weight:600;margin:.25rem 0}
.summary{border:3px solid #b00020;padding:.75rem 1rem;margin:1rem 0}
.summary h2{margin-top:0}
.notice{border-inline-start:6px solid #0b6e2e;background:#eef7f0;padding:.75rem 1rem;margin:1rem 0}
.notice.refused{border-color:#b00020;background:#fdeeee}
.numbers{display:grid;gap:1rem;margin:1.5rem 0}
.numbers div{border:2px solid #0b3d6e;border-radius:.375rem;padding:1rem}
.numbers dd{margin:0;font-size:2rem;font-weight:700;letter-spacing:.05em;direction:ltr;unicode-bidi:isolate}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.late{color:#b00020;font-weight:700}
ol.history{padding-inline-start:1.25rem}
.message{border:1px solid #bbb;border-radius:.375rem;padding:.5rem 1rem;margin:.75rem 0}
.message.from_citizen{background:#f4f4f4}
.message h3{font-size:1rem;margin:.25rem 0}
time,.ltr{unicode-bidi:isolate}
footer{max-width:42rem;margin:2rem auto;padding:1rem;border-top:1px solid #ccc}
@media (min-width:40rem){.big-links,.numbers{grid-template-columns:1fr 1fr}button{width:auto}}
.table-scroll{overflow-x:auto}
.table-scroll table{border-collapse:collapse;width:100%;margin:1rem 0}
.table-scroll caption{text-align:start;font-weight:600;padding:.25rem 0}
.table-scroll th,.table-scroll td{text-align:start;vertical-align:top;padding:.5rem;border-bottom:1px solid #bbb}
`;

/** Changes whenever the stylesheet does, so browsers may keep it for a year. */
export const PORTAL_CSS_VERSION = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
export const PORTAL_CSS_PATH = `/assets/portal.css?v=${PORTAL_CSS_VERSION}`;
