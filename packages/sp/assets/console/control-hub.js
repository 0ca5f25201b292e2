// The Webex emulator's one page script. Every page works without it; with it:
// - forms and links marked data-enhance are fetched and the page body is swapped in place, so the
//   wizard moves between steps (and opens and closes) without a full reload; the server still
//   renders every step, and the address bar follows (history.pushState);
// - dialogs keep focus inside, close on Escape, and give focus back to the control that opened them;
// - a dropped file goes into the drop zone's file input and is submitted; a chosen file uploads at once;
// - buttons marked data-enable-when-valid stay disabled until their form is valid;
// - elements marked data-poll-url refresh the page when the status they watch changes;
// - a page marked data-refresh-seconds (the trainer view) reloads itself that often;
// - toasts can be dismissed, and new ones are announced through the live region that was already there.
;(() => {
  document.documentElement.classList.add('js')

  const FOCUSABLE =
    'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'
  const POLL_ATTEMPTS = 300

  function topDialog() {
    const dialogs = [...document.querySelectorAll('[aria-modal="true"]')].filter((d) => !d.closest('[inert]'))
    return dialogs[dialogs.length - 1] ?? null
  }

  function focusables(root) {
    return [...root.querySelectorAll(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
  }

  function focusInitial(returnFocusId) {
    const dialog = topDialog()
    if (dialog) {
      const target = dialog.querySelector('[autofocus]') ?? dialog
      target.focus()
      return
    }
    const back = returnFocusId ? document.getElementById(returnFocusId) : null
    if (back) {
      back.focus()
      return
    }
    const auto = document.querySelector('[autofocus]') ?? document.getElementById('main')
    auto?.focus({ preventScroll: true })
  }

  function refreshEnabledStates(root) {
    for (const button of root.querySelectorAll('[data-enable-when-valid]')) {
      const form = button.form
      if (form) button.disabled = !form.checkValidity()
    }
  }

  // Announce new toasts: a live region only speaks about changes, so the old region is kept and
  // the new page's toasts are moved into it after the swap.
  function carryLiveRegion(oldRegion) {
    const fresh = document.getElementById('toasts')
    if (!oldRegion || !fresh) return
    const items = [...fresh.childNodes]
    oldRegion.replaceChildren()
    oldRegion.className = fresh.className
    fresh.replaceWith(oldRegion)
    requestAnimationFrame(() => oldRegion.append(...items))
  }

  function swapPage(doc) {
    const hadDialog = topDialog()
    const returnFocusId = hadDialog?.getAttribute('data-return-focus') ?? null
    const oldRegion = document.getElementById('toasts')
    document.title = doc.title
    document.body.replaceWith(document.adoptNode(doc.body))
    carryLiveRegion(oldRegion)
    refreshEnabledStates(document)
    startPolling(document)
    if (!hadDialog && !topDialog()) window.scrollTo(0, 0)
    focusInitial(returnFocusId)
  }

  // A toast written by the script, for a request that got no page back. Text only (textContent).
  function scriptToast(message) {
    const region = document.getElementById('toasts')
    if (!region) return
    const toast = document.createElement('div')
    toast.className = 'toast error'
    const text = document.createElement('p')
    text.className = 'message'
    text.textContent = message
    const dismiss = document.createElement('button')
    dismiss.type = 'button'
    dismiss.className = 'btn btn-ghost btn-icon'
    dismiss.setAttribute('data-toast-dismiss', '')
    dismiss.setAttribute('aria-label', 'Dismiss')
    dismiss.textContent = '×'
    toast.append(text, dismiss)
    region.append(toast)
  }

  // Fetches a page and swaps it in. Returns 'swapped', or 'unsent' when nothing reached the
  // server, or 'not-page' when the answer was not HTML (a download, a plain-text refusal).
  async function visit(url, init, push) {
    let response
    try {
      response = await fetch(url, {
        ...init,
        credentials: 'same-origin',
        headers: { Accept: 'text/html', 'X-Sandbox-Enhanced': '1' },
      })
    } catch {
      return { outcome: 'unsent' }
    }
    const type = response.headers.get('content-type') ?? ''
    if (!type.includes('text/html')) return { outcome: 'not-page', text: await response.text() }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html')
    swapPage(doc)
    if (response.url !== location.href) {
      if (push) history.pushState({ enhanced: true }, '', response.url)
      else history.replaceState({ enhanced: true }, '', response.url)
    }
    return { outcome: 'swapped' }
  }

  function requestOf(form, submitter) {
    const method = (
      submitter?.getAttribute('formmethod') ??
      form.getAttribute('method') ??
      'get'
    ).toLowerCase()
    const action = new URL(
      submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? '',
      location.href,
    )
    const data = new FormData(form, submitter ?? undefined)
    if (method === 'get') {
      action.search = new URLSearchParams([...data].filter(([, v]) => typeof v === 'string')).toString()
      return { url: action.href, init: { method: 'GET' } }
    }
    const multipart = form.enctype === 'multipart/form-data'
    const body = multipart ? data : new URLSearchParams([...data].filter(([, v]) => typeof v === 'string'))
    return { url: action.href, init: { method: 'POST', body } }
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-enhance')) return
    event.preventDefault()
    const { url, init } = requestOf(form, event.submitter)
    if (form.dataset.busy === '1') return
    form.dataset.busy = '1'
    const result = await visit(url, init, true)
    delete form.dataset.busy
    if (result.outcome === 'swapped') return
    // A GET can simply be loaded the ordinary way. A POST is never sent twice: the server may
    // have acted on it, so its answer (or the failure) is shown instead.
    if (init.method === 'GET') location.assign(url)
    else if (result.outcome === 'not-page') scriptToast(result.text.slice(0, 400) || 'The request failed.')
    else scriptToast('The request did not reach the sandbox. Check that it is running, then try again.')
  })

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null
    const link = target?.closest('a[data-enhance]')
    if (link && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault()
      visit(link.href, { method: 'GET' }, true).then(
        (r) => r.outcome === 'swapped' || location.assign(link.href),
      )
      return
    }
    const dismiss = target?.closest('[data-toast-dismiss]')
    if (dismiss) {
      dismiss.closest('.toast')?.remove()
      return
    }
    for (const menu of document.querySelectorAll('details.account-menu[open]')) {
      if (!menu.contains(target)) menu.removeAttribute('open')
    }
  })

  function closeTopDialog(dialog) {
    const close = dialog.querySelector('[data-dialog-close]')
    if (close instanceof HTMLFormElement) close.requestSubmit()
    else if (close instanceof HTMLElement) close.click()
  }

  document.addEventListener('keydown', (event) => {
    const openMenu = document.querySelector('details.account-menu[open]')
    if (event.key === 'Escape' && openMenu) {
      openMenu.removeAttribute('open')
      openMenu.querySelector('summary')?.focus()
      return
    }
    const dialog = topDialog()
    if (!dialog) return
    if (event.key === 'Escape') {
      event.preventDefault()
      closeTopDialog(dialog)
      return
    }
    if (event.key !== 'Tab') return
    const items = focusables(dialog)
    if (items.length === 0) return
    const first = items[0]
    const last = items[items.length - 1]
    const inside = dialog.contains(document.activeElement)
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault()
      first.focus()
    }
  })

  document.addEventListener('input', () => refreshEnabledStates(document))
  document.addEventListener('change', (event) => {
    refreshEnabledStates(document)
    const input = event.target
    if (
      input instanceof HTMLInputElement &&
      input.type === 'file' &&
      input.hasAttribute('data-auto-submit')
    ) {
      if (input.files && input.files.length > 0) input.form?.requestSubmit()
    }
  })

  function zoneOf(event) {
    return event.target instanceof Element ? event.target.closest('[data-drop-zone]') : null
  }

  document.addEventListener('dragover', (event) => {
    const zone = zoneOf(event)
    if (!zone && !document.querySelector('[data-drop-zone]')) return
    // Without this a file dropped beside the zone would replace the page with the file.
    event.preventDefault()
    zone?.classList.add('dragover')
  })
  document.addEventListener('dragleave', (event) => {
    const zone = zoneOf(event)
    if (zone && !(event.relatedTarget instanceof Node && zone.contains(event.relatedTarget))) {
      zone.classList.remove('dragover')
    }
  })
  document.addEventListener('drop', (event) => {
    const zone = zoneOf(event)
    if (!zone && !document.querySelector('[data-drop-zone]')) return
    event.preventDefault()
    if (!zone) return
    zone.classList.remove('dragover')
    const input = zone.querySelector('input[type="file"]')
    const files = event.dataTransfer?.files
    if (!input || !files || files.length === 0) return
    input.files = files
    input.dispatchEvent(new Event('change', { bubbles: true }))
  })

  function startPolling(root) {
    for (const el of root.querySelectorAll('[data-poll-url]')) poll(el, 0)
  }

  function poll(el, attempt) {
    const interval = Number(el.getAttribute('data-poll-interval')) || 2000
    if (attempt >= POLL_ATTEMPTS) return
    setTimeout(async () => {
      if (!el.isConnected) return
      try {
        const response = await fetch(el.getAttribute('data-poll-url'), {
          credentials: 'same-origin',
          cache: 'no-store',
          headers: { Accept: 'application/json' },
        })
        const status = await response.json()
        if (String(status.version) !== el.getAttribute('data-poll-version')) {
          await visit(location.href, { method: 'GET' }, false)
          return
        }
      } catch {
        // A failed poll is retried at the next interval; the Refresh button still works.
      }
      poll(el, attempt + 1)
    }, interval)
  }

  window.addEventListener('popstate', () => {
    visit(location.href, { method: 'GET' }, false).then((r) => r.outcome === 'swapped' || location.reload())
  })

  document.addEventListener('DOMContentLoaded', () => {
    refreshEnabledStates(document)
    startPolling(document)
    if (topDialog() && !topDialog().contains(document.activeElement)) focusInitial(null)
    else if (location.hash.length > 1) document.getElementById(location.hash.slice(1))?.focus()
    // The trainer view follows the class on a projector: it reloads itself every few seconds.
    const refresh = Number(document.body.dataset.refreshSeconds)
    if (refresh > 0) setTimeout(() => location.reload(), refresh * 1000)
  })
})()
