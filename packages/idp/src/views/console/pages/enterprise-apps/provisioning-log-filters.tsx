import type { LogFilterFields } from '../../../../provisioning/log-filter-form'
import { InfoBanner } from '../../info-banner'
import { type SelectOption, SelectOptions } from '../../select-field'

const STATUS_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'All' },
  ...['Success', 'Failure', 'Skipped', 'Warning'].map((s) => ({ value: s, label: s })),
]
const ACTION_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'All' },
  ...['Create', 'Update', 'Delete', 'StagedDelete', 'Disable', 'Other'].map((a) => ({ value: a, label: a })),
]

/** Where the filters submit and where each download is, with the filters' query already on it. */
export interface LogFiltersView {
  readonly action: string
  readonly fields: LogFilterFields
  readonly error?: string
  readonly downloadCsvHref: string
  readonly downloadJsonHref: string
}

/**
 * The filters above Provisioning logs (Status, Action, Identity, Date from/to) as a GET form, so
 * the filtered list is a URL; then Download CSV / Download JSON of what the filters select.
 */
export function ProvisioningLogFilters(props: { readonly view: LogFiltersView }) {
  const { fields, error } = props.view
  return (
    <>
      {error ? <InfoBanner tone="error">{error}</InfoBanner> : null}
      <search>
        <form
          class="log-filters"
          method="get"
          action={props.view.action}
          aria-label="Filter provisioning logs"
        >
          <label class="log-filter">
            <span>Status</span>
            <select class="input" name="status">
              <SelectOptions options={STATUS_OPTIONS} selected={fields.status} />
            </select>
          </label>
          <label class="log-filter">
            <span>Action</span>
            <select class="input" name="action">
              <SelectOptions options={ACTION_OPTIONS} selected={fields.action} />
            </select>
          </label>
          <label class="log-filter log-filter-wide">
            <span>Identity</span>
            <input
              class="input"
              type="search"
              name="identity"
              value={fields.identity}
              maxlength={256}
              placeholder="Name or ID"
              autocomplete="off"
            />
          </label>
          <label class="log-filter log-filter-date">
            <span>Date from</span>
            <input class="input" type="date" name="from" value={fields.from} />
          </label>
          <label class="log-filter log-filter-date">
            <span>Date to</span>
            <input class="input" type="date" name="to" value={fields.to} />
          </label>
          <button type="submit" class="button button-primary">
            Apply
          </button>
          <a class="button" href={props.view.action}>
            Reset
          </a>
        </form>
      </search>
      <nav class="log-downloads" aria-label="Download">
        <a class="button" href={props.view.downloadCsvHref} download>
          Download CSV
        </a>
        <a class="button" href={props.view.downloadJsonHref} download>
          Download JSON
        </a>
      </nav>
    </>
  )
}
