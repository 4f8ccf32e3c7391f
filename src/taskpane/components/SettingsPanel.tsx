/**
 * The settings of a check: as-of date, on-track and at-risk ratios, score cap. They are saved in the
 * workbook so that they travel with the file. Ratios are typed as percentages, as finance users say them.
 */

import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { DEFAULT_SETTINGS, isoFromSerial, resolveSettings, type SettingsInput } from '../../core';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '320px' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

interface Draft {
  asOf: string;
  onTrack: string;
  atRisk: string;
  scoreCap: string;
}

export interface SettingsPanelProps {
  settings: SettingsInput;
  busy: boolean;
  /** Why settings cannot be saved in this Excel, if they cannot. */
  unavailable?: string;
  onSave(settings: SettingsInput): void;
}

export function SettingsPanel({ settings, busy, unavailable, onSave }: SettingsPanelProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [problems, setProblems] = useState<string[]>([]);
  // New settings (saved, or read from the workbook) replace the draft while rendering, not in an effect.
  const [draftFor, setDraftFor] = useState(settings);
  if (settings !== draftFor) {
    setDraftFor(settings);
    setDraft(draftOf(settings));
  }

  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (_: unknown, data: { value: string }) => setDraft((current) => ({ ...current, [key]: data.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsOf(draft);
    if (!parsed.ok) return setProblems(parsed.problems);
    const resolved = resolveSettings(parsed.settings);
    if (!resolved.ok) return setProblems(resolved.errors);
    setProblems([]);
    onSave(parsed.settings);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Settings" noValidate>
      <Field label="As-of date" hint="Progress is paced against this date and actuals are judged stale at it. Leave blank for today.">
        <Input type="date" {...field('asOf')} />
      </Field>
      <Field label="On track at" hint={`A KPI whose score is at least this share of the expected progress is On track (default ${DEFAULT_SETTINGS.onTrack * 100}%).`}>
        <Input type="number" inputMode="decimal" min={1} max={100} step={1} contentAfter="%" {...field('onTrack')} />
      </Field>
      <Field label="At risk at" hint={`At least this share (but below On track) is At risk; below it is Off track (default ${DEFAULT_SETTINGS.atRisk * 100}%).`}>
        <Input type="number" inputMode="decimal" min={1} max={100} step={1} contentAfter="%" {...field('atRisk')} />
      </Field>
      <Field label="Score cap" hint="The highest score a node can reach, from 100% to 200% (default 100%).">
        <Input type="number" inputMode="decimal" min={100} max={200} step={5} contentAfter="%" {...field('scoreCap')} />
      </Field>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problems.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {unavailable && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{unavailable}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy || !!unavailable}>
          Save settings
        </Button>
        <Button type="button" disabledFocusable={busy} onClick={() => setDraft(draftOf({}))}>
          Use defaults
        </Button>
      </div>
    </form>
  );
}

function draftOf(settings: SettingsInput): Draft {
  const asOf = settings.asOf === undefined ? '' : typeof settings.asOf === 'number' ? isoFromSerial(settings.asOf) : settings.asOf;
  const asPercent = (ratio: number | undefined, fallback: number) => String(Number(((ratio ?? fallback) * 100).toPrecision(10)));
  return {
    asOf,
    onTrack: asPercent(settings.onTrack, DEFAULT_SETTINGS.onTrack),
    atRisk: asPercent(settings.atRisk, DEFAULT_SETTINGS.atRisk),
    scoreCap: asPercent(settings.scoreCap, DEFAULT_SETTINGS.scoreCap),
  };
}

/** The typed draft as settings; a blank field takes the default, text that is not a number is a problem. */
export function settingsOf(draft: Draft): { ok: true; settings: SettingsInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const settings: SettingsInput = {};
  if (draft.asOf.trim() !== '') settings.asOf = draft.asOf.trim();
  const ratio = (text: string, label: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const value = Number(text.trim().replace(/%$/, ''));
    if (!Number.isFinite(value)) {
      problems.push(`${label} "${text}" is not a number; type a percentage such as 90.`);
      return undefined;
    }
    return Number((value / 100).toPrecision(10));
  };
  settings.onTrack = ratio(draft.onTrack, 'On track at');
  settings.atRisk = ratio(draft.atRisk, 'At risk at');
  settings.scoreCap = ratio(draft.scoreCap, 'Score cap');
  for (const key of ['onTrack', 'atRisk', 'scoreCap'] as const) if (settings[key] === undefined) delete settings[key];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}
