-- Delivery keeps the packages of one case in the order they were recorded: before delivering a package it looks
-- for an earlier unfinished one of the same recipient and case reference (PackageRepository.earlierUnfinishedOfCase).
CREATE INDEX packages_by_case ON packages (recipient, case_reference);
