/** The engine's public surface. Hosts (the checker, the add-in, the custom functions) import from here only. */

export { checkTables, rowKey, tidy } from './engine';
export { resolveSettings, settingsOrThrow, SettingsError, DEFAULT_SETTINGS } from './settings';
export type { SettingsInput, SettingsResult } from './settings';
export { RULES, RULE_CODES, rulesWhere, isIssueOf, explainsMissingScore } from './rules';
export type { RuleCode, RuleDetails, IssueDetails, RuleFlag } from './rules';
export { computeProgress, expectedProgress, scoreFromProgress, statusOf, clamp, rangeBand } from './formulas';
export { actualForProgress } from './formulas';
export type { ProgressInput, ProgressResult } from './formulas';
export { isoFromSerial, serialFromIso, serialFromDate, serialFromParts, dateFromSerial, todaySerial } from './dates';
export { LEVELS, LEVEL_NAMES, DIRECTIONS, ROLLUPS, FREQUENCIES, PERSPECTIVES, choicesText } from './vocabulary';
export type { Direction, Rollup, Frequency, LevelName } from './vocabulary';
export { parseWrittenTarget, parseWrittenNumber } from './target-text';
export type { WrittenNumber, WrittenTarget } from './target-text';
export { parseNumber, parseDate, parseDirection, parseRollup, parseLevel, idKey, displayText, isBlank, INVALID } from './values';
export {
  MAX_COLUMN, MAX_ROW, columnLetters, columnNumber, parseCellAddress, cellAddress, parseRangeAddress, rangeAddress,
  cellReference, sheetReference, joinSheetReference, splitSheetReference, parseReference,
} from './addresses';
export type { CellArea } from './addresses';
export { COMPUTED_HEADERS, fieldForHeader, headerKey, mapHeaders } from './headers';
export { reportIndex } from './report-index';
export { checkedCascade } from './checked-cascade';
export type { CheckedCascade } from './checked-cascade';
export type { ReportIndex } from './report-index';
export { computedColumns } from './writeback';
export type { ComputedColumn } from './writeback';
export { WRITTEN_COLUMNS, STATUS_COLORS } from './written-columns';
export type { WrittenColumn, WrittenHeader, ColumnFormat, CellColors } from './written-columns';
export * from './types';
export {
  OWNED_NAME_PREFIX, markerFormula, parseMarkerFormula, markerText, parseMarkerText, isMarkerName, sameName, findMarker, nextMarkerName,
  placeComputedColumns, ownedHeadersAfterWrite, textConstantFormula, textOfConstantFormula,
} from './ownership';
export type { OwnedColumns, OwnershipMarker, ColumnPlacement } from './ownership';
export {
  NAME_PREFIX, OWNED_HEADER_KEY, REPORT_NAME_PREFIX, ISSUE_MARK_TAG, GUARD_RULE, GUARD_TEXT, OUR_NAMES,
} from './footprint';
export { SETTINGS_NAME, settingsText, parseSettingsText, settingsFormula, parseSettingsFormula } from './workbook-settings';
export {
  LISTS_SHEET, LIST_NAMES, TEAM_LEVELS, TEAM_FIELDS, parentChoices, choiceLists, planTeamSheet, uniqueName, tableNameFor, isValidSheetName,
  parentListHeading, levelOfParentHeading,
} from './team-sheet';
export type { TeamLevel, ChoiceList, ColumnHelp, TeamSheetPlan, TeamSheetRequest, TeamSheetResult } from './team-sheet';
export { ownerSummaries, isBehind, withRequiredActual, NO_OWNER } from './owners';
export { ownersWithRequired } from './owners';
export { requiredActual, requiredActuals } from './required';
export type { RequiredAnswer, RequiredCascade } from './required';
export type { RequiredActual } from './owners';
export { planImport, IMPORT_MESSAGES } from './import-plan';
export type { ImportTarget, IncomingWorkbook } from './import-plan';
