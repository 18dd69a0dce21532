import Joi from 'joi';

const LANGUAGE = /^[a-z]{2}$/;
const names = Joi.object().pattern(LANGUAGE, Joi.string().trim().min(1).max(200)).min(1).required();
const unit = Joi.string().valid('calendar_days', 'working_days', 'working_hours');
const code = Joi.string().pattern(/^[A-Za-z0-9_-]{1,64}$/);

const slaPolicy = Joi.object({
  code: code.required(),
  applicationType: Joi.string().allow(null).required(),
  kind: Joi.string().valid('first_response', 'answer', 'information').required(),
  amount: Joi.number().integer().min(1).required(),
  unit: unit.required(),
  onAwaitingCitizen: Joi.string().valid('pause', 'restart', 'continue').required(),
  onTransfer: Joi.string().valid('keep', 'restart'),
  extension: Joi.object({ amount: Joi.number().integer().min(1).required(), unit: unit.required() }),
  requiresNoticeBeforeDeadline: Joi.boolean(),
  legalBasis: Joi.string().allow('').required(),
});

const law = Joi.object({
  applicationTypes: Joi.array()
    .items(Joi.object({ code: Joi.string().required(), names, legalBasis: Joi.string().allow(null).required() }))
    .unique('code')
    .required(),
  reasonCodes: Joi.array()
    .items(
      Joi.object({
        kind: Joi.string().valid('rejection', 'transfer').required(),
        code: code.required(),
        names,
        legalBasis: Joi.string().allow(null).required(),
      }),
    )
    .unique((a, b) => a.kind === b.kind && a.code === b.code)
    .required(),
  slaPolicies: Joi.array().items(slaPolicy).unique('code').required(),
  // Reviewers' notes on how the law was read; not loaded anywhere.
  notes: Joi.array().items(Joi.string()),
});

const demo = Joi.object({
  regions: Joi.array()
    .items(
      Joi.object({
        code: code.required(),
        parentCode: Joi.string().allow(null).required(),
        kind: Joi.string().valid('province', 'district').required(),
        names,
      }),
    )
    .unique('code')
    .required(),
  agencies: Joi.array()
    .items(
      Joi.object({
        code: code.required(),
        parentCode: Joi.string().allow(null).required(),
        kind: Joi.string().valid('center', 'triage', 'ministry', 'directorate', 'district_office', 'municipality', 'other').required(),
        names,
        contactEmail: Joi.string().email({ tlds: false }).allow(null).required(),
        regionCode: Joi.string().allow(null).required(),
      }),
    )
    .unique('code')
    .required(),
  topics: Joi.array()
    .items(
      Joi.object({
        code: code.required(),
        names,
        keywords: Joi.array().items(Joi.string().min(1)).required(),
        defaultAgencyCode: Joi.string().allow(null).required(),
      }),
    )
    .unique('code')
    .required(),
  routingRules: Joi.array()
    .items(
      Joi.object({
        code: code.required(),
        position: Joi.number().integer(),
        description: Joi.string().allow(''),
        typeCode: Joi.string().allow(null),
        topicCode: Joi.string().allow(null),
        provinceCode: Joi.string().allow(null),
        districtCode: Joi.string().allow(null),
        keywords: Joi.array().items(Joi.string().min(1)).allow(null),
        agencyCode: Joi.string().required(),
      }),
    )
    .unique('code')
    .required(),
  staff: Joi.array()
    .items(
      Joi.object({
        email: Joi.string().email({ tlds: false }).required(),
        displayName: Joi.string().required(),
        agencyCode: Joi.string().required(),
        roles: Joi.array().items(Joi.string()).min(1).required(),
        language: Joi.string().pattern(LANGUAGE).required(),
      }),
    )
    .required(),
});

const clockTime = Joi.string().pattern(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
const halfDay = Joi.alternatives(
  Joi.object({ eveOf: Joi.string().required(), wholeDays: Joi.number().integer().min(1), offFrom: clockTime.required() }),
  Joi.object({
    date: Joi.string()
      .pattern(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/)
      .required(),
    offFrom: clockTime.required(),
    name: Joi.string().required(),
  }),
);

/** The shape of a pack; `packProblems` checks what refers to what. */
export const countryPackSchema = Joi.object({
  code: Joi.string().required(),
  name: Joi.string().required(),
  settings: Joi.object()
    .pattern(/^[A-Z][A-Z0-9_]*$/, Joi.string().allow(''))
    .required(),
  halfDays: Joi.array().items(halfDay).required(),
  // How the pack's author read the calendar's law; not loaded anywhere.
  notes: Joi.array().items(Joi.string()),
  law: law.required(),
  demo: demo.required(),
});
