import type { StepStatus } from '../../training/training-panel-model'

const MARKS: Readonly<Record<StepStatus, string>> = { done: '✓', 'not-done': '○', unknown: '?' }
const STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  done: 'Done',
  'not-done': 'Not done',
  unknown: 'Unknown',
}

/** A step's state as words with a mark beside them (the mark is hidden from screen readers). */
export function TrainingStatus(props: { readonly status: StepStatus }) {
  return (
    <span class={`training-status training-status-${props.status}`}>
      <span aria-hidden="true">{MARKS[props.status]}</span> {STATUS_LABELS[props.status]}
    </span>
  )
}
