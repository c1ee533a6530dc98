import { safeExternalUrl, toOverriddenFormFields, toOverriddenLabels, toSourceValueLabels } from './sourceLink';

describe('source link', () => {
  it('links only http(s) addresses', () => {
    expect(safeExternalUrl('https://acme.pagerduty.com/incidents/Q1')).toBe('https://acme.pagerduty.com/incidents/Q1');
    expect(safeExternalUrl('http://status.example.com/incidents/x')).toBe('http://status.example.com/incidents/x');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('data:text/html,hi')).toBeNull();
    expect(safeExternalUrl('/relative')).toBeNull();
    expect(safeExternalUrl(null)).toBeNull();
  });

  it('maps overridden source fields to the form fields they mark', () => {
    expect(toOverriddenFormFields(['startedAt', 'services', 'severity', 'somethingNew'])).toEqual({
      startedAt: 'startedAt',
      serviceIds: 'services',
      severity: 'severity',
    });
  });

  it('says what the source has for each field, so a reset is no surprise', () => {
    const labels = toSourceValueLabels(
      {
        title: 'checkout errors on the EU card processor after the 14:00 deploy of the payments gateway',
        startedAt: '2026-12-03T17:58:00Z',
        detectedAt: null,
        severity: 'SEV2',
        detectionSource: 'MONITORING',
        serviceIds: ['s1', 's9'],
      },
      (iso) => `at ${iso}`,
      (id) => (id === 's1' ? 'Checkout' : undefined),
      (d) => d.toLowerCase(),
    );
    expect(labels).toEqual({
      title: '“checkout errors on the EU card processor after the 14:00 de…”',
      startedAt: 'at 2026-12-03T17:58:00Z',
      detectedAt: 'none',
      acknowledgedAt: 'none',
      mitigatedAt: 'none',
      resolvedAt: 'none',
      severity: 'SEV2',
      detectionSource: 'monitoring',
      serviceIds: 'Checkout, #s9',
    });
    expect(toSourceValueLabels(null, String, () => undefined, String)).toEqual({});
  });

  it('names the fields edited here as a reader does, ignoring names it does not know', () => {
    expect(toOverriddenLabels(['startedAt', 'services', 'title', 'somethingNew'])).toEqual([
      'Title',
      'Affected services',
      'Impact started',
    ]);
    expect(toOverriddenLabels([])).toEqual([]);
  });
});
