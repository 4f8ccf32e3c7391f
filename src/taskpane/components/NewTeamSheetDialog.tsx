/**
 * New team sheet: asks the team's name and level, then lets the pane build the sheet. The dialog
 * stays open while the sheet is made, and shows the engine's sentence when the name will not do.
 */

import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  Select, Spinner, tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { TEAM_LEVELS, type TeamLevel } from '../../core';
import type { TeamSheetRequest } from '../session/team-sheet';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface NewTeamSheetDialogProps {
  open: boolean;
  onClose(): void;
  /** Resolves to what is wrong with the request, or null once the pane is done with it. */
  onCreate(request: TeamSheetRequest): Promise<string | null>;
}

export function NewTeamSheetDialog({ open, onClose, onCreate }: NewTeamSheetDialogProps) {
  const styles = useStyles();
  const [team, setTeam] = useState('');
  const [level, setLevel] = useState<TeamLevel>('Team');
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  // Each opening starts afresh (see ImportDialog): reset while rendering, not in an effect.
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) {
      setTeam('');
      setLevel('Team');
      setProblem(null);
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    const refusal = await onCreate({ team, level });
    setWorking(false);
    if (refusal) setProblem(refusal);
    else onClose();
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !working && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>New team sheet</DialogTitle>
            <DialogContent className={styles.content}>
              <Field
                label="Team name"
                required
                hint='The sheet is named after the level and the team, such as "Team Marketing".'
                validationState={problem ? 'error' : 'none'}
                validationMessage={problem ?? undefined}
              >
                <Input value={team} onChange={(_, data) => { setTeam(data.value); setProblem(null); }} autoFocus />
              </Field>
              <Field label="Level" hint="The Parent dropdown offers the IDs above this level.">
                <Select value={level} onChange={(_, data) => setLevel(data.value as TeamLevel)}>
                  {TEAM_LEVELS.map((name) => (
                    <option key={name} value={name}>{name}</option>
                  ))}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="button" appearance="secondary" disabled={working} onClick={onClose}>Cancel</Button>
              <Button type="submit" appearance="primary" disabledFocusable={working} icon={working ? <Spinner size="tiny" aria-hidden /> : undefined}>
                Create sheet
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
