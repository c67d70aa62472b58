import type { TFunction } from 'i18next';
import type { FlagDecisionKind } from '../../../../shared/annotations/model.ts';
import type { UiLanguage } from '../../../../shared/contract/channels.ts';
import type { FlagView } from '../../features/review/reviewRows.ts';

export interface FlagChipProps {
  flag: FlagView;
  language: UiLanguage;
  current: boolean;
  onDecide(flagKey: string, decision: FlagDecisionKind): void;
  /** Its row's translations (one subscription for the whole view). */
  t: TFunction<'review'>;
}

/** One automatic flag: kind, severity, message, and the confirm / dismiss toggles. */
export function FlagChip({ flag, language, current, onDecide, t }: FlagChipProps) {
  const { finding, decision } = flag;
  const classes = ['flag', `flag--${finding.severity}`];
  if (decision) classes.push(`flag--${decision}`);
  if (current) classes.push('flag--current');
  return (
    <li className={classes.join(' ')} data-flag-key={flag.key} aria-current={current ? 'true' : undefined}>
      <span className="flag__kind">{t(`flag.kind.${finding.kind}`)}</span>
      <span className="flag__severity">{t(`severity.${finding.severity}`)}</span>
      <span className="flag__message">{finding.message[language]}</span>
      {decision && <span className="flag__decision">{t(`flag.decision.${decision}`)}</span>}
      <span className="flag__actions">
        <button type="button" className="button button--small" aria-pressed={decision === 'confirmed'} onClick={() => onDecide(flag.key, 'confirmed')}>
          {t('flag.confirm')}
        </button>
        <button type="button" className="button button--small" aria-pressed={decision === 'dismissed'} onClick={() => onDecide(flag.key, 'dismissed')}>
          {t('flag.dismiss')}
        </button>
      </span>
    </li>
  );
}
