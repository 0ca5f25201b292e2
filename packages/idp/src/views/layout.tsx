import type { Child } from 'hono/jsx'

/** The admin center chrome: a top bar with the product name and the tenant. */
export function Layout(props: { title: string; tenantName: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - Microsoft Entra admin center (sandbox)`}</title>
        <link rel="stylesheet" href="/assets/entra.css" />
      </head>
      <body>
        <header class="topbar">
          <span class="product">Microsoft Entra admin center</span>
          <span class="sandbox-badge">SANDBOX</span>
          <span class="tenant">{props.tenantName}</span>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  )
}
