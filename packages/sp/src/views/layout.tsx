import type { Child } from 'hono/jsx'

/** Control Hub's chrome: a dark top bar with the product name and the organization. */
export function Layout(props: { title: string; orgName: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - Webex Control Hub (sandbox)`}</title>
        <link rel="stylesheet" href="/assets/webex.css" />
      </head>
      <body>
        <header class="topbar">
          <span class="product">Webex Control Hub</span>
          <span class="sandbox-badge">SANDBOX</span>
          <span class="org">{props.orgName}</span>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  )
}
