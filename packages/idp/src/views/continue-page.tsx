/**
 * The page that answers a form POST whose next stop is another site (the Sign-on URL of a
 * launched app, an app's Logout URL). Browsers check a redirect that answers a form submission
 * against the form page's CSP `form-action`, so a 302 there is blocked; a navigation the answer
 * page starts itself is not. `<meta http-equiv="refresh">` starts it without JavaScript; the
 * link is there for a browser that has refresh turned off. Values are escaped by hono/jsx.
 */
export function ContinuePage(props: { readonly location: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content={`0;url=${props.location}`} />
        <title>Working...</title>
      </head>
      <body>
        <main>
          <p>
            <a href={props.location}>Continue</a>
          </p>
        </main>
      </body>
    </html>
  )
}
