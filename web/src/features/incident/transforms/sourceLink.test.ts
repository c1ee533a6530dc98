import { safeExternalUrl, toOverriddenFormFields } from './sourceLink';

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
});
