import { OPEN_STATUSES } from '@petitio/applications';
import { FieldProblem } from '@petitio/platform';
import { fieldSentence, validateAs } from '@petitio/web-kit';
import { InboxQueryDto, inboxQueryOf } from './inbox-query.dto';

/** What an English client reads: each problem's field, code and sentence. */
const said = (problems: FieldProblem[]) => problems.map((p) => ({ field: p.field, code: p.code, message: fieldSentence('en', p) }));

describe('the inbox query', () => {
  it("turns the drill-down parameters of a dashboard link into the domain's figure filter", async () => {
    const { dto, problems } = await validateAs(InboxQueryDto, {
      status: 'open',
      agency: 'ISKI',
      assignedAgency: 'ISKI-KDK',
      receivedFrom: '2026-10-28',
      receivedTo: '2026-11-26',
      answered: 'late',
      ageMin: '8',
      ageMax: '15',
      transfersMin: '2',
      rated: 'true',
      rating: '4',
      firstResponded: 'false',
      noTopic: 'true',
    });
    expect(problems).toEqual([]);
    const query = inboxQueryOf(dto);
    expect(query.statuses).toEqual([...OPEN_STATUSES]);
    expect(query.figure).toEqual({
      agencySubtree: 'ISKI',
      assignedAgency: 'ISKI-KDK',
      noAgency: undefined,
      noTopic: true,
      receivedFrom: '2026-10-28',
      receivedTo: '2026-11-26',
      answered: 'late',
      answeredFrom: undefined,
      answeredTo: undefined,
      ageMin: 8,
      ageMax: 15,
      transfersMin: 2,
      rated: true,
      rating: 4,
      firstResponded: false,
    });
  });

  it('has no figure filter when no drill-down parameter is given', async () => {
    const { dto } = await validateAs(InboxQueryDto, { status: 'routed,open' });
    expect(inboxQueryOf(dto).figure).toBeUndefined();
    expect(inboxQueryOf(dto).statuses).toEqual(['routed', ...OPEN_STATUSES.filter((s) => s !== 'routed')]);
  });

  it.each([
    [{ receivedFrom: '2026-11-26', receivedTo: '2026-11-01' }, 'receivedTo', 'receivedTo must not come before receivedFrom'],
    [{ answeredFrom: '2026-11-26', answeredTo: '2026-11-25' }, 'answeredTo', 'answeredTo must not come before answeredFrom'],
    [{ ageMin: '16', ageMax: '8' }, 'ageMax', 'ageMax must not come before ageMin'],
  ])('refuses a reversed range %j on its end', async (query, field, message) => {
    const { problems } = await validateAs(InboxQueryDto, query);
    expect(said(problems)).toEqual([{ field, code: 'notBefore', message }]);
  });

  it('takes a range of one day, or of equal ages', async () => {
    const { problems } = await validateAs(InboxQueryDto, { receivedFrom: '2026-11-26', receivedTo: '2026-11-26', ageMin: '8', ageMax: '8' });
    expect(problems).toEqual([]);
  });

  it.each([
    ['receivedFrom', '2026-02-30', 'receivedFrom must be a real date, written YYYY-MM-DD'],
    ['receivedTo', '2026-11-26T10:00:00Z', 'receivedTo must be a real date, written YYYY-MM-DD'],
    ['answeredFrom', 'yesterday', 'answeredFrom must be a real date, written YYYY-MM-DD'],
    ['answeredTo', '20260105', 'answeredTo must be a real date, written YYYY-MM-DD'],
    ['answered', 'maybe', 'answered must be one of: yes, no, late, within'],
    ['ageMin', '-1', 'ageMin must be a whole number of days from 0 to 100000'],
    ['ageMin', '100001', 'ageMin must be a whole number of days from 0 to 100000'],
    ['ageMax', '7.5', 'ageMax must be a whole number of days from 0 to 100000'],
    ['transfersMin', 'many', 'transfersMin must be a whole number from 0 to 1000'],
    ['rating', '6', 'rating must be a whole number from 1 to 5'],
    ['rated', 'yes', 'rated must be true or false'],
    ['noAgency', '1', 'noAgency must be true or false'],
    ['firstResponded', 'sometimes', 'firstResponded must be true or false'],
    ['status', 'opened', expect.stringMatching(/^each value in status must be one of: .*, open$|^status must be one of: .*, open$/)],
  ])('refuses %s=%s, saying so on that field', async (field, value, message) => {
    const { problems } = await validateAs(InboxQueryDto, { [field]: value });
    expect(said(problems)).toEqual([expect.objectContaining({ field, message })]);
  });

  it.each(['2026-02-30', '20260105', 'yesterday', '2026-1-5'])(
    'gives a mistyped day %s one problem with its own code, so the console can word it',
    async (value) => {
      const { problems } = await validateAs(InboxQueryDto, { receivedFrom: value });
      expect(said(problems)).toEqual([{ field: 'receivedFrom', code: 'isLocalDay', message: 'receivedFrom must be a real date, written YYYY-MM-DD' }]);
    },
  );
});
