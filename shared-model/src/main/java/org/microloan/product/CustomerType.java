package org.microloan.product;

/** Who a product is for; the outstanding limit differs (PRODUCT.md §5). */
public enum CustomerType {
    CONSUMER,
    BUSINESS
}
