/**
 * Test support shared by the feature profile bundles' tests: {@link io.chargegate.profile.testsupport.BundleJarAssertions}
 * (the checks of a profile bundle jar), {@link io.chargegate.profile.testsupport.ProfileBundleChecks} (the whole
 * {@code *BundleIT} of a bundle made of one profile component and its handlers) and
 * {@link io.chargegate.profile.testsupport.FakeStation} (a recording {@link io.chargegate.station.api.Station} test
 * double). A plain jar used in test scope only, never deployed.
 */
package io.chargegate.profile.testsupport;
