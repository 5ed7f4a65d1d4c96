export default {
  test: {
    noSource: 'Choose an energy source first.',
    noAnswer: 'The source gave no value within {{seconds}} seconds.',
  },
  headline: {
    off: 'Spare power is not considered: sharing follows your other settings.',
    noSource: 'No energy source is set up, so spare power is not considered.',
    waitingForSource:
      'Waiting for the first value from your energy source — not running on spare power yet.',
    sourceNotAnswering: 'Energy source is not answering — not running on spare power.',
    sourceSilentSeconds:
      'Energy source is not answering (last value {{seconds}} seconds ago) — not running on spare power.',
    sourceSilentMinutes:
      'Energy source is not answering (last value {{minutes}} minutes ago) — not running on spare power.',
    waitingForSurplus:
      'Waiting for spare power: {{available}} W now, needs {{needed}} W for {{seconds}} seconds.',
    startingSoon: '{{available}} W of spare power — starting in {{seconds}} seconds if it holds.',
    runningOnSurplus: 'Running on {{watts}} W of solar surplus.',
    stoppingSoon:
      'Spare power dropped to {{available}} W — stopping in {{seconds}} seconds unless it comes back.',
    minSolar: 'Running on {{floor}} W you pay for, plus {{surplus}} W of solar surplus.',
    minSolarNoSource:
      'Running on {{floor}} W you pay for — the energy source is not answering, so no spare power is added.',
    priceOk: 'Power costs {{price}} per kWh, within your limit of {{limit}} — running.',
    priceTooHigh: 'Waiting — power costs {{price}} per kWh, above your limit of {{limit}}.',
    noPrice: 'Waiting — the energy source gives no price, so your price limit cannot be checked.',
    noPriceLimit: 'Waiting — set a price limit to use this mode.',
    manualOn: 'You said there is spare power: using up to {{watts}} W.',
    manualOnUnlimited: 'You said there is spare power: running without an energy limit.',
    manualOff: 'Waiting — you said there is no spare power right now.',
  },
  problem: {
    notANumber: 'The energy source sent something that is not a number.',
    absurd: 'The energy source sent an impossible value ({{value}} W).',
    fieldMissing: 'The field “{{path}}” is not in the answer.',
    unreachable: 'Cannot reach {{host}}.',
    timeout: '{{host}} did not answer within {{seconds}} seconds.',
    httpStatus: '{{host}} answered with an error (HTTP {{status}}).',
    unauthorized: '{{host}} refused access. Check the token or password.',
    notJson: 'The answer from {{host}} is not JSON.',
    tooLarge: 'The answer from {{host}} is too large.',
    badAnswer: 'The answer has an unexpected shape.',
    badUnit: '{{entity}} is measured in {{unit}}; it must be W or kW.',
    entityUnavailable: '{{entity}} is unavailable in Home Assistant right now.',
    entityNotFound: 'Home Assistant has no entity {{entity}}.',
    brokerRefused: 'The MQTT broker {{host}} refused the login. Check the user name and password.',
    brokerUnreachable: 'Cannot reach the MQTT broker {{host}}.',
    subscribeRefused: 'The MQTT broker does not allow reading {{topic}}.',
    stale: 'No new value for over {{seconds}} seconds.',
    communityNoSurplus: 'The community has not announced any spare power yet.',
    communityStale: 'The community’s spare power figure is {{seconds}} seconds old.',
  },
  error: {
    invalidHttpUrl: 'Enter a web address starting with http:// or https://.',
    invalidBrokerUrl: 'Enter a broker address starting with mqtt://, mqtts://, ws:// or wss://.',
    invalidFieldPath: 'Enter a field path like site.gridPower or data[0].value.',
    invalidTopic: 'A topic cannot contain + or #.',
    invalidTopicId: 'Use letters, digits, - and _ only (up to 64).',
    invalidEntityId: 'Enter an entity ID like sensor.grid_power.',
    invalidPrice: 'Enter a price like 0.15.',
  },
} as const;
