import type { Child } from 'hono/jsx'

/**
 * The emulator's own line icons, drawn for it on a 24-unit grid (no vendor artwork). They take
 * the text colour (`currentColor`), so a state's colour is set by the class around them.
 */
export type IconName =
  | 'overview'
  | 'users'
  | 'settings'
  | 'troubleshooting'
  | 'organization'
  | 'download'
  | 'upload'
  | 'check-circle'
  | 'error-circle'
  | 'warning'
  | 'info'
  | 'close'
  | 'plus'
  | 'search'
  | 'sort'
  | 'sort-up'
  | 'sort-down'
  | 'chevron-left'
  | 'chevron-right'
  | 'chevron-down'
  | 'sign-out'
  | 'message'
  | 'meeting'
  | 'call'
  | 'file'
  | 'shield'
  | 'refresh'
  | 'external'

/** A gear: eight trapezoid teeth around a ring, computed once. */
function gearOutline(): string {
  const point = (angle: number, radius: number): string =>
    `${(12 + radius * Math.cos(angle)).toFixed(2)} ${(12 + radius * Math.sin(angle)).toFixed(2)}`
  const parts: string[] = []
  for (let tooth = 0; tooth < 8; tooth++) {
    const centre = (tooth * Math.PI) / 4
    parts.push(
      point(centre - 0.3, 7),
      point(centre - 0.17, 9.6),
      point(centre + 0.17, 9.6),
      point(centre + 0.3, 7),
    )
  }
  return `M${parts.join(' L')} Z`
}

const GEAR = gearOutline()

function Dot(props: { cx: number; cy: number }) {
  return <circle cx={props.cx} cy={props.cy} r="0.9" fill="currentColor" stroke="none" />
}

const SHAPES: Record<IconName, () => Child> = {
  overview: () => (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
    </>
  ),
  users: () => (
    <>
      <circle cx="12" cy="8" r="3.75" />
      <path d="M4.5 20.5c0-4 3.4-6.75 7.5-6.75s7.5 2.75 7.5 6.75" />
    </>
  ),
  settings: () => (
    <>
      <path d={GEAR} />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  troubleshooting: () => <path d="M2.5 12h4.5l2.5-7 5 14 2.5-7h4.5" />,
  organization: () => (
    <>
      <path d="M4 20.5V5.5l8-2.5v17.5M12 8.5h8v12M2.5 20.5h19" />
      <path d="M7 8h2M7 11.5h2M7 15h2M15 12h2M15 15.5h2" />
    </>
  ),
  download: () => <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />,
  upload: () => <path d="M12 16V5M7 9.5l5-5 5 5M5 20h14" />,
  'check-circle': () => (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12.5l2.75 2.75L16 10" />
    </>
  ),
  'error-circle': () => (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5" />
      <Dot cx={12} cy={16.25} />
    </>
  ),
  warning: () => (
    <>
      <path d="M12 3.5 2.75 19.5h18.5Z" />
      <path d="M12 9.5v4.75" />
      <Dot cx={12} cy={17} />
    </>
  ),
  info: () => (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5" />
      <Dot cx={12} cy={7.75} />
    </>
  ),
  close: () => <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  plus: () => <path d="M12 5v14M5 12h14" />,
  search: () => (
    <>
      <circle cx="10.5" cy="10.5" r="6.25" />
      <path d="M15.25 15.25 20 20" />
    </>
  ),
  sort: () => <path d="M8 9.5l4-4 4 4M8 14.5l4 4 4-4" />,
  'sort-up': () => <path d="M7.5 14l4.5-4.5 4.5 4.5" />,
  'sort-down': () => <path d="M7.5 10l4.5 4.5 4.5-4.5" />,
  'chevron-left': () => <path d="M14.5 6l-6 6 6 6" />,
  'chevron-right': () => <path d="M9.5 6l6 6-6 6" />,
  'chevron-down': () => <path d="M6 9.5l6 6 6-6" />,
  'sign-out': () => (
    <path d="M10 4H6.5A2.5 2.5 0 0 0 4 6.5v11A2.5 2.5 0 0 0 6.5 20H10M15 8l4 4-4 4M19 12H9.5" />
  ),
  message: () => (
    <path d="M5.5 4.5h13a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H10l-5 4v-4h.5a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2Z" />
  ),
  meeting: () => (
    <>
      <rect x="2.5" y="6" width="13" height="12" rx="2.5" />
      <path d="M15.5 10.5l6-3.5v10l-6-3.5" />
    </>
  ),
  call: () => (
    <path d="M6.5 3.5h3l1.5 4.25-2.25 1.5a11.5 11.5 0 0 0 6 6l1.5-2.25 4.25 1.5v3a2 2 0 0 1-2 2A16.5 16.5 0 0 1 4.5 5.5a2 2 0 0 1 2-2Z" />
  ),
  file: () => <path d="M6 3h8.5L19 7.5V21H6ZM14 3v5h5M9 13h7M9 16.5h7" />,
  shield: () => (
    <>
      <path d="M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6Z" />
      <path d="M8.5 12l2.5 2.5 4.5-4.5" />
    </>
  ),
  refresh: () => <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4v4.5H15" />,
  external: () => <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />,
}

/**
 * One icon. Decorative unless `label` is given: buttons and links carry their own words, so
 * most icons are hidden from assistive technology.
 */
export function Icon(props: { name: IconName; size?: 'small' | 'large'; label?: string }) {
  const className = props.size ? `icon ${props.size}` : 'icon'
  return (
    <svg
      class={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      focusable="false"
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
      aria-hidden={props.label ? undefined : 'true'}
    >
      {SHAPES[props.name]()}
    </svg>
  )
}

/** The emulator's own mark (a white zig-zag on a blue tile); deliberately unlike any vendor logo. */
export function SandboxMark() {
  return (
    <svg class="mark" viewBox="0 0 32 32" focusable="false" aria-hidden="true">
      <rect width="32" height="32" rx="9" fill="#1170cf" />
      <path
        d="M7.5 11.5l3.5 10 5-8 5 8 3.5-10"
        fill="none"
        stroke="#ffffff"
        stroke-width="2.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  )
}
