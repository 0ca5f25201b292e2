import type { Child } from 'hono/jsx'

/** The Microsoft sign-in chrome: a centred white box with the four-square logo. */
export function LoginLayout(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/assets/entra.css" />
      </head>
      <body class="login">
        <div class="login-box">
          <div class="ms-logo" role="img" aria-label="Microsoft">
            <span class="sq r" />
            <span class="sq g" />
            <span class="sq b" />
            <span class="sq y" />
            <span class="ms-word">Microsoft</span>
          </div>
          {props.children}
        </div>
        <footer class="login-footer">
          <span class="sandbox-badge dark">SANDBOX</span> Microsoft Entra ID emulator: no real account is ever
          used here.
        </footer>
      </body>
    </html>
  )
}
