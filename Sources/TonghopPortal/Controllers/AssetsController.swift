import Hummingbird

/// The style sheet and the icon, served by tonghop itself: no font, script or style is fetched
/// from anywhere else. They change only with the binary, so browsers may keep them a day.
struct AssetsController {
    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("tai-nguyen/tonghop.css") { _, _ in Self.asset(Self.css, type: "text/css; charset=utf-8") }
        routes.get("tai-nguyen/bieu-tuong.svg") { _, _ in Self.asset(Self.icon, type: "image/svg+xml") }
        routes.get("favicon.ico") { _, _ in Self.asset(Self.icon, type: "image/svg+xml") }
        return routes
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=86400"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Two bars rising, in the header's colours.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f5c6e"/>\
        <rect x="7" y="15" width="7" height="10" rx="1.5" fill="#9fe0d4"/><rect x="18" y="7" width="7" height="18" rx="1.5" fill="#ffffff"/></svg>

        """

    /// Phone first: one column, large touch targets, tables that scroll sideways inside their
    /// card; wider screens get a wider column. System fonts (Vietnamese diacritics included).
    static let css = """
        :root {
          --ink: #1d2a33; --muted: #5b6b76; --line: #d9e1e6; --page: #f3f6f8; --card: #ffffff;
          --brand: #0f5c6e; --brand-dark: #0a4453; --accent: #1f7a8c;
          --ok: #1e7b46; --ok-bg: #e3f4ea; --warn: #8a5a00; --warn-bg: #fdf1d8; --bad: #b3261e; --bad-bg: #fbe5e3;
          --info-bg: #e6f1f8;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
               color: var(--ink); background: var(--page); }
        a { color: var(--accent); }
        h1 { font-size: 1.45rem; line-height: 1.25; margin: 0 0 .5rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
        p { margin: .4rem 0 .8rem; }
        .top { background: var(--brand); color: #fff; }
        .bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .35rem .8rem;
               max-width: 64rem; margin: 0 auto; padding: .6rem 1rem; }
        .brand { display: flex; align-items: center; gap: .5rem; color: #fff; text-decoration: none; font-weight: 700; font-size: 1.15rem; }
        .signout { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; margin: 0; font-size: .9rem; }
        .who { opacity: .92; }
        button.link { background: none; border: 1px solid rgba(255,255,255,.55); color: #fff; border-radius: 6px; padding: .25rem .7rem;
                      font: inherit; cursor: pointer; min-height: 2rem; }
        .menu { display: flex; flex-wrap: wrap; gap: 0 .1rem; max-width: 64rem; margin: 0 auto; padding: 0 .4rem; }
        .menu a { color: #d8eef2; text-decoration: none; padding: .55rem .6rem; white-space: nowrap; border-bottom: 3px solid transparent; }
        .menu a[aria-current] { color: #fff; border-bottom-color: #9fe0d4; font-weight: 600; }
        main { max-width: 64rem; margin: 0 auto; padding: 1rem .75rem 2rem; }
        .foot { max-width: 64rem; margin: 0 auto; padding: 0 1rem 2rem; color: var(--muted); font-size: .8rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem; margin: 0 0 1rem; }
        .card > h2:first-child { margin-top: 0; }
        .lead { font-size: 1.05rem; }
        .muted { color: var(--muted); font-size: .9rem; }
        .narrow { max-width: 26rem; margin: 1.5rem auto; }
        label { display: block; font-weight: 600; margin: .8rem 0 .25rem; }
        input[type=text], input[type=password], select {
          width: 100%; font: inherit; padding: .6rem .7rem; border: 1px solid #aebbc4; border-radius: 8px; background: #fff; min-height: 2.75rem; }
        input[type=file] { width: 100%; font: inherit; padding: .9rem; border: 2px dashed #9fb3bf; border-radius: 10px; background: #f8fbfc; }
        input:focus, select:focus, button:focus, a:focus { outline: 3px solid #9fe0d4; outline-offset: 1px; }
        .button, button.primary, button.secondary {
          display: inline-block; font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; border-radius: 8px;
          padding: .65rem 1.2rem; min-height: 2.75rem; border: 1px solid var(--brand); }
        .button, button.primary { background: var(--brand); color: #fff; }
        button.secondary { background: #fff; color: var(--brand); }
        button.primary:hover, .button:hover { background: var(--brand-dark); }
        .actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin-top: 1rem; }
        .notice { border-radius: 8px; padding: .7rem .9rem; margin: 0 0 1rem; }
        .notice.bad { background: var(--bad-bg); color: var(--bad); }
        .notice.ok { background: var(--ok-bg); color: var(--ok); }
        .notice.info { background: var(--info-bg); }
        .notice.warn { background: var(--warn-bg); color: var(--warn); }
        .badge { display: inline-block; border-radius: 999px; padding: .1rem .65rem; font-size: .85rem; font-weight: 600; white-space: nowrap; }
        .badge.ok { background: var(--ok-bg); color: var(--ok); }
        .badge.warn { background: var(--warn-bg); color: var(--warn); }
        .badge.bad { background: var(--bad-bg); color: var(--bad); }
        .badge.none { background: #eef1f3; color: var(--muted); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem; margin: 0 0 1rem; }
        .tile { display: block; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: .9rem 1rem;
                text-decoration: none; color: var(--ink); }
        .tile strong { display: block; color: var(--brand); font-size: 1.05rem; }
        .tile span { color: var(--muted); font-size: .9rem; }
        .table-wrap { overflow-x: auto; margin: .5rem -.25rem; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: .8rem; text-transform: uppercase; letter-spacing: .02em; color: var(--muted); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-weight: 700; }
        .file { border-top: 1px solid var(--line); padding-top: .8rem; margin-top: .8rem; }
        .file:first-of-type { border-top: 0; padding-top: 0; margin-top: 0; }
        .file-head { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
        .file-name { font-weight: 700; word-break: break-all; }
        ol.problems { padding-left: 1.3rem; margin: .5rem 0; }
        ol.problems li { margin: .45rem 0; }
        .where { font-weight: 600; }
        .chips { display: flex; flex-wrap: wrap; gap: .35rem; margin: .3rem 0 1rem; }
        .chips a { border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: .3rem .75rem; text-decoration: none;
                   font-size: .9rem; color: var(--ink); }
        .chips a[aria-current] { background: var(--brand); border-color: var(--brand); color: #fff; }
        .summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: .5rem; margin: .5rem 0 1rem; }
        .summary div { background: #f8fbfc; border: 1px solid var(--line); border-radius: 8px; padding: .5rem .7rem; }
        .summary b { display: block; font-size: 1.35rem; }
        .summary span { color: var(--muted); font-size: .85rem; }
        progress { width: 5.5rem; height: .7rem; vertical-align: middle; accent-color: var(--ok); }
        .names { color: var(--muted); font-size: .85rem; }
        .chart { width: 100%; max-width: 36rem; height: auto; display: block; margin: .25rem 0; }
        .sev { font-weight: 700; }
        .sev.error { color: var(--bad); } .sev.warning { color: var(--warn); } .sev.notice { color: var(--muted); }
        details summary { cursor: pointer; font-weight: 600; }
        pre.slip { white-space: pre-wrap; background: #f8fbfc; border: 1px solid var(--line); border-radius: 8px; padding: .8rem; font-size: .85rem; }
        /* A table of class "stack" becomes one block per row on a phone: its first cell a heading,
           the others side by side, each after its column's name (data-label). */
        @media (max-width: 40rem) {
          table.stack thead { display: none; }
          table.stack tr { display: block; padding: .55rem 0; border-bottom: 1px solid var(--line); }
          table.stack td { display: inline-block; border: 0; padding: .1rem .9rem .1rem 0; text-align: left; }
          table.stack td:first-child { display: block; padding-right: 0; }
          table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
          .table-wrap { margin: .25rem 0; }
        }
        @media (min-width: 48rem) {
          main { padding: 1.5rem 1rem 3rem; }
          .card { padding: 1.25rem 1.5rem; }
          h1 { font-size: 1.7rem; }
        }

        """
}
