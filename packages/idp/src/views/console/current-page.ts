/** `aria-current="page"` for the link to the page being shown (menus, tabs, the left navigation). */
export function currentPage(href: string, currentHref: string): 'page' | undefined {
  return href === currentHref ? 'page' : undefined
}
