/**
 * Cartage: a reactive pipeline that fetches, marshals, renders and delivers web content. This package holds only
 * the application's entry point, which may import anything; nothing imports it. The layering of the packages below
 * is stated in each package-info and checked by {@code ArchitectureTest}.
 */
package dev.cartage;
