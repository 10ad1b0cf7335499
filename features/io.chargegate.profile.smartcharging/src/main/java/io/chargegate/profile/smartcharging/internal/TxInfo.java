package io.chargegate.profile.smartcharging.internal;

/**
 * The transaction running on a connector, as the schedule engine needs it.
 *
 * @param transactionId the CSMS transaction id, or null while it is not known yet
 * @param startSecond   when it started, in epoch seconds (the anchor of Relative profiles)
 */
record TxInfo(Integer transactionId, long startSecond) {
}
