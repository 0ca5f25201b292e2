/**
 * The console's icons: simple line drawings made for this sandbox (20x20 grid, 1.4px strokes in
 * the current text colour), in the spirit of Fluent's outline icons but not copied from them.
 * Every icon is decorative: the control that carries it has the words.
 */
export type IconName =
  | 'add'
  | 'apps'
  | 'check'
  | 'chevron-down'
  | 'chevron-right'
  | 'close'
  | 'collapse'
  | 'copy'
  | 'delete'
  | 'download'
  | 'edit'
  | 'error'
  | 'feedback'
  | 'filter'
  | 'folder'
  | 'group'
  | 'home'
  | 'identity'
  | 'info'
  | 'logs'
  | 'monitor'
  | 'more'
  | 'overview'
  | 'properties'
  | 'provisioning'
  | 'refresh'
  | 'save'
  | 'search'
  | 'sign-on'
  | 'spinner'
  | 'success'
  | 'test'
  | 'upload'
  | 'user'
  | 'warning'

const INFORMATION_CIRCLE = ['M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 1 0 0-15z', 'M10 9v5M10 6.2v.3']

/** Each icon as stroked SVG path data on the 20x20 grid (Overview wears the information circle, as in Entra). */
const PATHS: Record<IconName, readonly string[]> = {
  add: ['M10 3.5v13M3.5 10h13'],
  apps: ['M3.5 3.5h5v5h-5zM11.5 3.5h5v5h-5zM3.5 11.5h5v5h-5zM11.5 11.5h5v5h-5z'],
  check: ['M4 10.5l4 4 8-9'],
  'chevron-down': ['M5 7.5l5 5 5-5'],
  'chevron-right': ['M7.5 5l5 5-5 5'],
  close: ['M5 5l10 10M15 5L5 15'],
  collapse: ['M10 5l-5 5 5 5M15.5 5l-5 5 5 5'],
  copy: ['M7 6.5V3.5h9.5V14H13.5', 'M3.5 6.5H13V17H3.5z'],
  delete: ['M4 5.5h12M8 5.5V3.5h4v2M5.5 5.5l.8 11h7.4l.8-11M8.5 8.5v5.5M11.5 8.5v5.5'],
  download: ['M10 3v9.5M6 8.5l4 4 4-4M4 16.5h12'],
  edit: ['M12.5 4l3.5 3.5-8.5 8.5H4v-3.5zM11 5.5l3.5 3.5'],
  error: ['M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 1 0 0-15z', 'M7.3 7.3l5.4 5.4M12.7 7.3l-5.4 5.4'],
  feedback: [
    'M7.5 8.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 1 0 0 5zM3 16.5c0-3 2-5 4.5-5s4.5 2 4.5 5',
    'M12 3.5h5v4h-2.5l-2.5 2z',
  ],
  filter: ['M3.5 4.5h13l-5 6v5l-3 1.5v-6.5z'],
  folder: ['M2.5 5.5v10h15v-8H9.5l-2-2z'],
  group: [
    'M7 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 1 0 0 5zM2.5 16c0-2.8 2-4.5 4.5-4.5s4.5 1.7 4.5 4.5',
    'M13.5 9a2 2 0 1 0 0-4M14 11.5c2 .3 3.5 1.8 3.5 4',
  ],
  home: ['M3.5 9L10 3.5 16.5 9v7.5h-4.5v-5h-4v5H3.5z'],
  identity: ['M10 2.5l6.5 3v4.5c0 3.7-2.8 6.4-6.5 7.5-3.7-1.1-6.5-3.8-6.5-7.5V5.5z', 'M7 10l2 2 4-4'],
  info: INFORMATION_CIRCLE,
  logs: ['M5 3.5h10v13H5zM7.5 7h5M7.5 10h5M7.5 13h3'],
  monitor: ['M2.5 10h3.5l2-4.5 3.5 9 2-4.5h4'],
  more: [
    'M4 10a1 1 0 1 0 2 0 1 1 0 1 0-2 0zM9 10a1 1 0 1 0 2 0 1 1 0 1 0-2 0zM14 10a1 1 0 1 0 2 0 1 1 0 1 0-2 0z',
  ],
  overview: INFORMATION_CIRCLE,
  properties: ['M5 3.5v13M10 3.5v13M15 3.5v13M3.5 7h3M8.5 12h3M13.5 8.5h3'],
  provisioning: ['M4 8a6 6 0 0 1 11-2.5M16 12a6 6 0 0 1-11 2.5', 'M15.5 2.5v3h-3M4.5 17.5v-3h3'],
  refresh: ['M16 10a6 6 0 1 1-1.8-4.3', 'M15.5 2.5v3.5H12'],
  save: ['M3.5 3.5h10l3 3v10h-13z', 'M6.5 3.5v4h6v-4M6 16.5v-5h8v5'],
  search: ['M8.5 3a5.5 5.5 0 1 0 0 11 5.5 5.5 0 1 0 0-11zM12.5 12.5l4.5 4.5'],
  'sign-on': ['M10 2.5a7.5 7.5 0 1 1-6.9 4.5', 'M2.5 10h9M8.5 7l3 3-3 3'],
  spinner: ['M10 2.5a7.5 7.5 0 1 1-7.5 7.5'],
  success: ['M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 1 0 0-15z', 'M6.5 10.2l2.4 2.4 4.6-5'],
  test: ['M4 5h2M4 10h2M4 15h2M8.5 5h7.5M8.5 10h7.5M8.5 15h7.5'],
  upload: ['M10 16.5V7M6 11l4-4 4 4M4 3.5h12'],
  user: ['M10 9.5a3 3 0 1 0 0-6 3 3 0 1 0 0 6zM4 17c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5'],
  warning: ['M10 3l7.5 13.5h-15z', 'M10 8v4M10 14v.3'],
}

/** One icon, hidden from assistive technology; `tone` picks a semantic colour class. */
export function Icon(props: {
  readonly name: IconName
  readonly tone?: 'brand' | 'success' | 'danger' | 'warning' | 'muted'
  readonly size?: 16 | 20 | 24
}) {
  const size = props.size ?? 16
  const tone = props.tone ? ` icon-${props.tone}` : ''
  const spin = props.name === 'spinner' ? ' icon-spin' : ''
  return (
    <svg
      class={`icon${tone}${spin}`}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.4"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {PATHS[props.name].map((d) => (
        <path d={d} />
      ))}
    </svg>
  )
}
