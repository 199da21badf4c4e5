// @keten/forms — the one implementation of the form rules, shared by the server and the web app
// (docs/clinical-record.md §1). Pure TypeScript: no I/O, no Node-only APIs.

export {
  type ActivationFacts,
  criterionLocalText,
  criterionText,
  evaluateActivation,
  programmeLocalName,
  programmeName,
  recordTypeName,
  usedOnceText,
} from './activation.js';
export {
  answersOf,
  emptyResponse,
  givenAnswers,
  isAnswered,
  optionToAnswer,
  questionnaireCanonical,
  responseLinkIds,
  setAnswers,
} from './answers.js';
export { type DayCurvePoint, dayCurveDate, dayCurvePoints, isDayCurve } from './day-curve.js';
export { formatDecimal, numberToDecimalString, parseDecimalInput, roundDecimalString } from './decimal.js';
export {
  type ActivationCriterion,
  type DayCurveMoment,
  type FormDefinition,
  type FormEffect,
  isProgramme,
  type Language,
  type LocalText,
  type MeasurementRule,
  type Programme,
  programmes,
} from './definition.js';
export { EnableWhenEvaluator, enabledLinkIds, isItemEnabled } from './enable-when.js';
export {
  codingText,
  itemLocalText,
  itemMaxValue,
  itemMinValue,
  itemText,
  itemUnit,
  MAX_VALUE_EXTENSION,
  MIN_VALUE_EXTENSION,
  optionText,
  type PrimitiveElement,
  questionnaireTitle,
  TRANSLATION_EXTENSION,
  translationExtension,
  translationOf,
  UNIT_EXTENSION,
} from './item-text.js';
export { allItems, findItem, isNumericType, isQuestion, type LocatedItem, locateItem } from './item-tree.js';
export { findDefinition, formLibrary, latestDefinition, latestDefinitions } from './library/index.js';
export { type DerivedMeasurement, deriveMeasurements, formDate, numericAnswer } from './measurements.js';
export {
  findMeasure,
  formatMeasureValue,
  type MeasureCode,
  type MeasureDefinition,
  measureName,
  measures,
  requireMeasure,
} from './measures.js';
export { problemMessage, problemMessages, questionLabel } from './problem-message.js';
export { publishableResponse } from './publish.js';
export {
  answerProblem,
  type FormProblem,
  type FormProblemCode,
  isIsoDate,
  isIsoDateTime,
  isTime,
  validateResponse,
} from './validate.js';
