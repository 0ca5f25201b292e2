import type { Child } from 'hono/jsx'
import { DocumentHead } from './document-head'

/** The sandbox's own mark: a blue hexagon with a keyhole (not any company's logo). */
function SandboxMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <path d="M14 1.5l11 6.3v12.4L14 26.5 3 20.2V7.8z" fill="#0078d4" />
      <path d="M14 5.5l7.5 4.3v8.4L14 22.5l-7.5-4.3V9.8z" fill="#50a0e6" />
      <circle cx="14" cy="12.2" r="2.6" fill="#fff" />
      <path d="M12.8 13.5h2.4l.6 5h-3.6z" fill="#fff" />
    </svg>
  )
}

/**
 * The Microsoft-style sign-in page: a 440px white card on a grey-blue gradient, the sandbox's
 * mark, the page's content, the SANDBOX notice, and the footer links, which lead to that notice
 * (it is this sandbox's terms and privacy statement).
 */
export function SignInLayout(props: { readonly title: string; readonly children: Child }) {
  return (
    <html lang="en">
      <DocumentHead title={props.title} />
      <body class="sign-in">
        <main class="sign-in-main">
          <div class="sign-in-card">
            <div class="sign-in-brand">
              <SandboxMark />
              <span class="sign-in-brand-name">Entra ID sandbox</span>
            </div>
            {props.children}
          </div>
          <p class="sign-in-notice" id="sandbox-notice">
            <span class="sandbox-badge">SANDBOX</span> Microsoft Entra ID emulator for rehearsals: no
            Microsoft service is contacted, no real account is used, and nothing typed here leaves this
            computer.
          </p>
        </main>
        <footer class="sign-in-footer">
          <a href="#sandbox-notice">Terms of use</a>
          <a href="#sandbox-notice">Privacy &amp; cookies</a>
          <details>
            <summary aria-label="More information">…</summary>
            <div class="sign-in-footer-more">
              A local imitation of the Microsoft sign-in page, served by the sandbox's Entra ID emulator.
            </div>
          </details>
        </footer>
      </body>
    </html>
  )
}

/** The sandbox's advice under a sign-in page (the real pages have none), when there is any. */
export function SandboxHint(props: { readonly hint: string | null }) {
  return props.hint ? (
    <aside class="sandbox-hint">
      <strong>Sandbox hint:</strong> {props.hint}
    </aside>
  ) : null
}
